import { OutboxWriter, UnitOfWork } from '@carebook/core';
import { openTestDataSource, uniquePhone } from '@carebook/testing';
import { DataSource } from 'typeorm';
import { Message } from '../domain/message';
import { Recipient } from '../domain/recipient';
import { MessageLogOrmEntity } from './message-log.orm-entity';
import { TypeormMessageRepository } from './typeorm-message.repository';

/**
 * Messages stored by many callers at once (batched INSERTs), and delivery attempts: claimed by
 * one caller only, outcomes stored only for their attempt.
 */
describe('TypeormMessageRepository: batched adds and delivery attempts (PostgreSQL)', () => {
  let db: DataSource;
  let repo: TypeormMessageRepository;
  const queued = async () => {
    const message = Message.queue(
      {
        recipient: Recipient.of(uniquePhone()),
        channel: 'SMS',
        template: 'welcome',
        body: 'Hello.',
      },
      new Date(),
    );
    await repo.add(message);
    return message.id;
  };
  const row = async (id: string) =>
    (
      await db.query(
        `SELECT status, attempts, attempt_started_at, provider_message_id FROM message_log WHERE id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    db = await openTestDataSource([MessageLogOrmEntity]);
    repo = new TypeormMessageRepository(
      new UnitOfWork(db),
      new OutboxWriter({ outboxStream: 'message-attempts-int-spec' }),
    );
  });
  afterAll(async () => {
    await db.query(`DELETE FROM outbox WHERE stream = 'message-attempts-int-spec'`);
    await db.destroy();
  });

  it('30 messages added at once, two pairs sharing a key: each stored once with its event', async () => {
    const keys = [`attempts-spec-${Date.now()}-a`, `attempts-spec-${Date.now()}-b`];
    const messages = Array.from({ length: 30 }, (_, i) =>
      Message.queue(
        {
          recipient: Recipient.of(uniquePhone()),
          channel: 'LOG',
          template: 'welcome',
          body: `Hello ${i}.`,
          idempotencyKey: i < 4 ? keys[i % 2] : undefined,
        },
        new Date(),
      ),
    );
    const ids = await Promise.all(messages.map((m) => repo.add(m)));
    // The key's holder answers for its twin.
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).toBe(ids[1]);
    expect(new Set(ids).size).toBe(28);
    const stored = await db.query(
      `SELECT m.id, count(o.id)::int AS events
         FROM message_log m LEFT JOIN outbox o ON o.aggregate_id = m.id::text
        WHERE m.id = ANY($1::uuid[]) GROUP BY m.id`,
      [messages.map((m) => m.id)],
    );
    expect(stored).toHaveLength(28);
    expect(stored.every((r: { events: number }) => r.events === 1)).toBe(true);
  });

  it('ten callers at once claim a message: one wins, one attempt is counted and on record', async () => {
    const id = await queued();
    const now = new Date('2026-11-22T04:00:00.123Z');
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => repo.startAttempt(id, null, now)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(claims.find(Boolean)?.attemptStartedAt).toEqual(now);
    expect(await row(id)).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      attempt_started_at: now,
    });
    // Only a caller that names the open attempt may open the next one over it.
    expect(await repo.startAttempt(id, null, new Date())).toBeUndefined();
    const later = new Date('2026-11-22T04:01:00.000Z');
    expect((await repo.startAttempt(id, now, later))?.snapshot()).toMatchObject({
      attempts: 2,
      attemptStartedAt: later,
    });
  });

  it('many messages claimed at once (batched) each get their own row back', async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, queued));
    const claimed = await Promise.all(ids.map((id) => repo.startAttempt(id, null, new Date())));
    expect(claimed.map((m) => m?.id)).toEqual(ids);
    expect(claimed.every((m) => m?.snapshot().attempts === 1 && m.attemptStartedAt)).toBe(true);
  });

  it('stores an outcome only for the attempt it belongs to, once', async () => {
    const id = await queued();
    const message = (await repo.startAttempt(id, null, new Date('2026-11-22T04:02:00.000Z')))!;
    const attempt = message.attemptStartedAt!;
    message.markSent('SM123', new Date(), false);
    expect(await repo.saveOutcome(message, new Date('2026-11-22T03:00:00.000Z'))).toBe(false);
    expect(await row(id)).toMatchObject({ status: 'PENDING', attempt_started_at: attempt });
    const [first, second] = await Promise.all([
      repo.saveOutcome(message, attempt),
      repo.saveOutcome(message, attempt),
    ]);
    expect([first, second].sort()).toEqual([false, true]);
    expect(await row(id)).toEqual({
      status: 'SENT',
      attempts: 1,
      attempt_started_at: null,
      provider_message_id: 'SM123',
    });
  });
});
