import { CentreCreated } from '@carebook/centres';
import {
  DATABASE_CONFIG,
  DatabaseConfig,
  DOMAIN_EVENTS_QUEUE,
  DomainEventDispatcher,
  OutboxPublisher,
  listenerName,
  OutboxRelay,
  RelayedMessage,
} from '@carebook/core';
import {
  adminToken,
  createCentre,
  eventually,
  openTestDataSource,
  startTestApi,
  startTestWorker,
  TestApi,
} from '@carebook/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { OutboxRelayRunner } from '../apps/worker/src/outbox/outbox-relay.runner';
import { WorkerModule } from '../apps/worker/src/worker.module';

describe('Outbox relay (worker)', () => {
  let api: TestApi;
  let db: DataSource;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi(AppModule);
    db = await openTestDataSource();
    token = await adminToken(api.http);
  });
  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  it('delivers a committed event to its worker handlers once and marks it published', async () => {
    const worker = await startTestWorker(WorkerModule);
    const seen: string[] = [];
    const unsubscribe = worker.get(DomainEventDispatcher).register(CentreCreated, {
      handle: async (e) => void seen.push(e.aggregateId),
    });
    try {
      const centre = await createCentre(api.http, token);
      await eventually(async () => expect(seen).toContain(centre.id));
      const [row] = await db.query(`SELECT published_at FROM outbox WHERE aggregate_id = $1`, [
        centre.id,
      ]);
      expect(row.published_at).toBeInstanceOf(Date);
      expect(seen.filter((id) => id === centre.id)).toHaveLength(1);
    } finally {
      unsubscribe();
      await worker.close();
    }
  });

  it('wakes on commit (LISTEN/NOTIFY), not at its next poll, and listens again after losing its connection', async () => {
    // A poll of a minute: only the commit notification can explain a prompt delivery.
    const worker = await startTestWorker(WorkerModule, { env: { OUTBOX_POLL_MS: '60000' } });
    const seen: string[] = [];
    const unsubscribe = worker.get(DomainEventDispatcher).register(CentreCreated, {
      handle: async (e) => void seen.push(e.aggregateId),
    });
    const stream = worker.get<DatabaseConfig>(DATABASE_CONFIG).outboxStream;
    try {
      const first = await createCentre(api.http, token);
      await eventually(async () => expect(seen).toContain(first.id));

      const [{ n }] = await db.query(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1`,
        [listenerName(stream)],
      );
      expect(n).toBe(1);
      const second = await createCentre(api.http, token);
      await eventually(async () => expect(seen).toContain(second.id));
      const third = await createCentre(api.http, token);
      await eventually(async () => expect(seen).toContain(third.id));
      expect(seen.filter((id) => [first.id, second.id, third.id].includes(id))).toHaveLength(3);
    } finally {
      unsubscribe();
      await worker.close();
    }
  });

  it('re-publishes with the same id after a crash between publish and mark: one job, one delivery', async () => {
    // The relay loop is driven by hand here so the crash lands exactly between the two steps.
    const worker = await startTestWorker(WorkerModule, {
      override: (b) => b.overrideProvider(OutboxRelayRunner).useValue({}),
    });
    const queue = worker.get<Queue>(getQueueToken(DOMAIN_EVENTS_QUEUE));
    const publisher = worker.get(OutboxPublisher);
    const seen: string[] = [];
    const unsubscribe = worker.get(DomainEventDispatcher).register(CentreCreated, {
      handle: async (e) => void seen.push(e.eventId),
    });
    try {
      const centre = await createCentre(api.http, token);
      const [{ id: eventId }] = await db.query(`SELECT id FROM outbox WHERE aggregate_id = $1`, [
        centre.id,
      ]);

      let published: RelayedMessage[] = [];
      const stream = worker.get<DatabaseConfig>(DATABASE_CONFIG).outboxStream;
      const crashing = new OutboxRelay(
        db,
        publisher,
        {
          afterPublish: (messages) => {
            published = messages;
            throw new Error('worker killed');
          },
        },
        stream,
      );
      await expect(crashing.relayBatch(10_000)).rejects.toThrow('worker killed');
      expect(published.map((m) => m.id)).toContain(eventId);
      const [unmarked] = await db.query(`SELECT published_at FROM outbox WHERE id = $1`, [eventId]);
      expect(unmarked.published_at).toBeNull();

      const restarted = new OutboxRelay(db, publisher, undefined, stream);
      while ((await restarted.relayBatch(10_000)) > 0);
      const [marked] = await db.query(`SELECT published_at FROM outbox WHERE id = $1`, [eventId]);
      expect(marked.published_at).toBeInstanceOf(Date);

      await eventually(async () => expect(await queue.getJobState(eventId)).toBe('completed'));
      const jobs = await queue.getJobs(['completed', 'waiting', 'active', 'delayed', 'failed']);
      expect(jobs.filter((j) => j.id === eventId)).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(seen.filter((id) => id === eventId)).toHaveLength(1);
    } finally {
      unsubscribe();
      await worker.close();
    }
  });
});
