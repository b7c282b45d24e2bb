import {
  DOMAIN_EVENTS_QUEUE,
  DomainEventDispatcher,
  OutboxPublisher,
  RelayedMessage,
  UnitOfWork,
} from '@carebook/core';
import { MessageQueued, SendMessage } from '@carebook/notifications';
import { CentreCreated } from '@carebook/centres';
import {
  adminToken,
  createCentre,
  eventually,
  openTestDataSource,
  startTestApi,
  startTestWorker,
  TestApi,
  uniquePhone,
} from '@carebook/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { Job, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { NOTIFICATIONS_QUEUE } from '../apps/worker/src/notifications/notifications.queue';
import { OutboxRelayRunner } from '../apps/worker/src/outbox/outbox-relay.runner';
import { WorkerModule } from '../apps/worker/src/worker.module';

const STATES = ['completed', 'waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;

/**
 * Reliability (c): the same outbox row published twice (a relay that crashed after publishing
 * and before marking, or two relays) through the real BullmqOutboxPublisher is one job, and one
 * delivery. The relay loop is off here: the test is the only publisher.
 */
describe('Outbox: the same event published twice is one job', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let db: DataSource;
  const jobsWithId = async (queue: Queue, id: string) =>
    (await queue.getJobs([...STATES])).filter((j: Job) => j.id === id);
  const outboxRow = async (aggregateId: string): Promise<RelayedMessage> => {
    const [row] = await db.query(
      `SELECT id, type, aggregate_id AS "aggregateId", payload, occurred_at AS "occurredAt"
         FROM outbox WHERE aggregate_id = $1`,
      [aggregateId],
    );
    return { ...row, occurredAt: new Date(row.occurredAt).toISOString() };
  };

  beforeAll(async () => {
    api = await startTestApi(AppModule);
    worker = await startTestWorker(WorkerModule, {
      override: (b) => b.overrideProvider(OutboxRelayRunner).useValue({}),
    });
    db = await openTestDataSource();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.destroy();
  });

  it('MessageQueued twice (one after the other, then at once): one deliver job, one send', async () => {
    const to = uniquePhone();
    const body = `Dedupe ${randomUUID()}`;
    const messageId = await api.app.get(UnitOfWork).run(async (manager) => {
      const { messageId: id } = await api.app
        .get(CommandBus)
        .execute(new SendMessage({ to, channel: 'LOG', template: 'welcome', body }));
      // Nobody else relays it: this test publishes it by hand.
      await manager.query(`UPDATE outbox SET published_at = now() WHERE aggregate_id = $1`, [id]);
      return id;
    });
    const event = await outboxRow(messageId);
    expect(event.type).toBe(new MessageQueued(messageId, new Date()).eventName);
    const publisher = worker.get(OutboxPublisher);
    const deliveries = worker.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE));

    await publisher.publish([event]);
    await publisher.publish([event]);
    await eventually(async () => expect(await deliveries.getJobState(messageId)).toBe('completed'));
    await Promise.all([publisher.publish([event]), publisher.publish([event])]);

    const jobs = await jobsWithId(deliveries, messageId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].name).toBe('deliver');
    expect(jobs[0].data).toEqual({ messageId, eventId: event.id });
    // Nothing went round through domain-events either.
    const domainEvents = worker.get<Queue>(getQueueToken(DOMAIN_EVENTS_QUEUE));
    expect(await jobsWithId(domainEvents, event.id)).toHaveLength(0);
    const [row] = await db.query(`SELECT status, attempts FROM message_log WHERE id = $1`, [
      messageId,
    ]);
    expect(row).toEqual({ status: 'SENT', attempts: 1 });
  });

  it('any other event twice: one domain-events job, its handlers run once', async () => {
    const seen: string[] = [];
    const unsubscribe = worker.get(DomainEventDispatcher).register(CentreCreated, {
      handle: async (e) => void seen.push(e.eventId),
    });
    try {
      const centre = await createCentre(api.http, await adminToken(api.http));
      const event = await outboxRow(centre.id);
      expect(event.type).toBe('centres.CentreCreated');
      const publisher = worker.get(OutboxPublisher);
      const queue = worker.get<Queue>(getQueueToken(DOMAIN_EVENTS_QUEUE));
      await Promise.all([publisher.publish([event]), publisher.publish([event])]);
      await eventually(async () => expect(await queue.getJobState(event.id)).toBe('completed'));
      await publisher.publish([event]);
      expect(await jobsWithId(queue, event.id)).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(seen.filter((id) => id === event.id)).toHaveLength(1);
    } finally {
      unsubscribe();
    }
  });
});
