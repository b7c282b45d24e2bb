import { OutboxPublisher, UnitOfWork } from '@carebook/core';
import {
  LogChannel,
  MessageQueued,
  MessageRejectedError,
  OutgoingMessage,
  SendMessage,
  SendMessageInput,
} from '@carebook/notifications';
import {
  eventually,
  openTestDataSource,
  startTestApi,
  startTestWorker,
  TestApi,
  uniquePhone,
  publishAsRelay,
} from '@carebook/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { NOTIFICATIONS_QUEUE } from '../apps/worker/src/notifications/notifications.queue';
import { WorkerModule } from '../apps/worker/src/worker.module';

/** The log channel, except that it fails as told for chosen recipients (this worker only). */
class ScriptedLogChannel extends LogChannel {
  readonly calls: string[] = [];
  readonly failOnceFor = new Set<string>();
  readonly rejectFor = new Set<string>();
  override async send(message: OutgoingMessage) {
    this.calls.push(message.id);
    if (this.rejectFor.has(message.to))
      throw new MessageRejectedError('the provider refused the number');
    if (this.failOnceFor.delete(message.to)) throw new Error('provider timed out');
    return super.send(message);
  }
}

describe('Notifications: SendMessage -> worker -> log channel -> GET /dev/messages', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let db: DataSource;
  const channel = new ScriptedLogChannel();
  const startupLines: string[] = [];

  const send = (input: Partial<SendMessageInput> & { to: string }) =>
    api.app.get(CommandBus).execute(
      new SendMessage({
        template: 'otp',
        body: 'Your carebook code is 482913.',
        sensitive: true,
        ...input,
      }),
    );
  const captured = async (to: string) =>
    (await api.http.get('/api/v1/dev/messages').query({ to }).expect(200)).body.items;
  const rowsTo = (to: string) =>
    db.query(`SELECT id, status, attempts FROM message_log WHERE recipient = $1`, [to]);

  beforeAll(async () => {
    const spy = jest
      .spyOn(Logger.prototype, 'log')
      .mockImplementation((message: unknown) => void startupLines.push(String(message)));
    try {
      worker = await startTestWorker(WorkerModule, {
        override: (b) => b.overrideProvider(LogChannel).useValue(channel),
      });
    } finally {
      spy.mockRestore();
    }
    api = await startTestApi(AppModule);
    db = await openTestDataSource();
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await db?.destroy();
  });

  it('says at start-up which channels are live and that the others go to the log', () => {
    expect(startupLines).toContainEqual(
      expect.stringMatching(
        /live message channels: LOG; SMS, WHATSAPP and EMAIL messages go to the log channel because no SMS\/e-mail provider is configured/,
      ),
    );
  });

  it('delivers a queued message once: the dev route shows it SENT after one attempt, with its text', async () => {
    const to = uniquePhone();
    const { messageId } = await send({ to });
    const [item] = await eventually(async () => {
      const items = await captured(to);
      expect(items).toHaveLength(1);
      return items;
    });
    expect(item).toEqual({
      id: messageId,
      to,
      channel: 'LOG',
      template: 'otp',
      subject: null,
      body: 'Your carebook code is 482913.',
      status: 'SENT',
      attempts: 1,
      createdAt: expect.stringMatching(/Z$/),
      sentAt: expect.stringMatching(/Z$/),
    });
    // Typed by hand, `?to=+91...` reaches the API as a space: it still finds the phone.
    const typed = await api.http.get(`/api/v1/dev/messages?to=${to}`).expect(200);
    expect(typed.body.items.map((m: { id: string }) => m.id)).toEqual([messageId]);
    const national = to.replace(/^\+91(\d{5})(\d{5})$/, '$1 $2'); // "98123 45678"
    const loose = await api.http.get('/api/v1/dev/messages').query({ to: national }).expect(200);
    expect(loose.body.items.map((m: { id: string }) => m.id)).toEqual([messageId]);
    const [event] = await db.query(`SELECT payload FROM outbox WHERE aggregate_id = $1`, [
      messageId,
    ]);
    expect(JSON.stringify(event.payload)).not.toContain('482913');
  });

  it('stores one message for a repeated idempotency key', async () => {
    const to = `patient.${randomUUID()}@carebook.example`;
    const idempotencyKey = `welcome:${to}`;
    const first = await send({
      to,
      template: 'welcome',
      subject: 'Welcome',
      body: 'Hello',
      sensitive: false,
      idempotencyKey,
    });
    const again = await send({
      to,
      template: 'welcome',
      subject: 'Welcome',
      body: 'Hello',
      sensitive: false,
      idempotencyKey,
    });
    expect(again).toEqual(first);
    const items = await eventually(async () => {
      const list = await captured(to);
      expect(list).toHaveLength(1);
      return list;
    });
    expect(items[0]).toMatchObject({
      id: first.messageId,
      channel: 'LOG',
      subject: 'Welcome',
      status: 'SENT',
    });
    expect(await rowsTo(to)).toHaveLength(1);
  });

  it("queues nothing when the caller's transaction rolls back", async () => {
    const to = uniquePhone();
    const rollback = new Error('caller failed');
    await expect(
      api.app.get(UnitOfWork).run(async () => {
        await send({ to });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await rowsTo(to)).toEqual([]);
  });

  describe('driven through this worker only', () => {
    // Queued and marked published in one transaction, so no relay (of any parallel suite) takes
    // it; this worker's own handler enqueues it, and its scripted channel decides the outcome.
    const queueHere = async (to: string) => {
      const messageId = await api.app.get(UnitOfWork).run(async (manager) => {
        const { messageId: id } = await send({ to });
        await manager.query(`UPDATE outbox SET published_at = now() WHERE aggregate_id = $1`, [id]);
        return id;
      });
      await publishAsRelay(worker.get(OutboxPublisher), new MessageQueued(messageId, new Date()));
      return messageId;
    };
    const queue = () => worker.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE));

    it('retries a transient channel failure and delivers the message once', async () => {
      const to = uniquePhone();
      channel.failOnceFor.add(to);
      const messageId = await queueHere(to);
      await eventually(async () => expect(await queue().getJobState(messageId)).toBe('completed'));
      expect(channel.calls.filter((id) => id === messageId)).toHaveLength(2);
      const items = await captured(to);
      expect(items).toEqual([
        expect.objectContaining({ id: messageId, status: 'SENT', attempts: 2 }),
      ]);
      // The same event handled again adds no job and sends nothing.
      await publishAsRelay(worker.get(OutboxPublisher), new MessageQueued(messageId, new Date()));
      await new Promise((r) => setTimeout(r, 300));
      expect(channel.calls.filter((id) => id === messageId)).toHaveLength(2);
    });

    it('fails a rejected message at once, without retries, and keeps the failed job', async () => {
      const to = uniquePhone();
      channel.rejectFor.add(to);
      const messageId = await queueHere(to);
      await eventually(async () => expect(await queue().getJobState(messageId)).toBe('failed'));
      const job = await queue().getJob(messageId);
      expect(job?.attemptsMade).toBe(1);
      expect(job?.failedReason).toContain('MESSAGE_REJECTED');
      const [row] = await db.query(
        `SELECT status, attempts, last_error, body FROM message_log WHERE id = $1`,
        [messageId],
      );
      expect(row).toEqual({
        status: 'FAILED',
        attempts: 1,
        last_error: 'MESSAGE_REJECTED: the provider refused the number',
        body: '[redacted]',
      });
      expect(await captured(to)).toEqual([]);
    });
  });

  it('validates the query: unknown parameters, a bad recipient and a bad limit are 400', async () => {
    for (const query of [
      { page: 1 },
      { to: 'nobody' },
      { to: '12345' },
      { limit: 0 },
      { limit: 101 },
    ]) {
      const res = await api.http.get('/api/v1/dev/messages').query(query).expect(400);
      expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});

describe('GET /dev/messages without DEV_MESSAGES', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(AppModule, { env: { DEV_MESSAGES: '0' } });
  });
  afterAll(() => api.close());

  it('answers 404 exactly like a route that does not exist', async () => {
    const unknown = await api.http.get('/api/v1/dev/nothing-here').expect(404);
    for (const query of [{}, { to: uniquePhone() }, { bogus: 'x', limit: 1000 }]) {
      const res = await api.http.get('/api/v1/dev/messages').query(query).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect({ ...res.body, instance: undefined, requestId: undefined }).toEqual({
        ...unknown.body,
        instance: undefined,
        requestId: undefined,
      });
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });
});
