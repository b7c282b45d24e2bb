import { OutboxWriter, UnitOfWork } from '@carebook/core';
import { openTestDataSource, uniquePhone } from '@carebook/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Message } from '../domain/message';
import type { StrandedCriteria } from '../domain/message.repository';
import { Recipient } from '../domain/recipient';
import { MessageLogOrmEntity } from './message-log.orm-entity';
import { TypeormMessageRepository } from './typeorm-message.repository';

const MINUTE = 60_000;

/**
 * `findStranded`: the PENDING messages the sweep gives their `deliver` job back to, read from
 * message_log and the MessageQueued outbox rows of one stream (no relay runs here: the spec
 * marks rows published itself).
 */
describe('TypeormMessageRepository.findStranded (PostgreSQL)', () => {
  const stream = `stranded-${randomUUID().slice(0, 8)}`;
  const now = Date.now();
  let db: DataSource;
  let repo: TypeormMessageRepository;
  const criteria = (more: Partial<StrandedCriteria> = {}): StrandedCriteria => ({
    createdBefore: new Date(now - 2 * MINUTE),
    attemptOpenedBefore: new Date(now - MINUTE),
    outboxStream: stream,
    limit: 500,
    ...more,
  });
  /** A message created `ageMs` ago, its MessageQueued published unless told otherwise. */
  const queued = async (ageMs: number, { published = true, into = repo } = {}) => {
    const message = Message.queue(
      { recipient: Recipient.of(uniquePhone()), channel: 'SMS', template: 'welcome', body: 'Hi.' },
      new Date(now - ageMs),
    );
    await into.add(message);
    if (published)
      await db.query(`UPDATE outbox SET published_at = now() WHERE aggregate_id = $1`, [
        message.id,
      ]);
    return message.id;
  };
  const eventOf = async (id: string): Promise<string> =>
    (await db.query(`SELECT id FROM outbox WHERE aggregate_id = $1`, [id]))[0].id;

  beforeAll(async () => {
    db = await openTestDataSource([MessageLogOrmEntity]);
    repo = new TypeormMessageRepository(
      new UnitOfWork(db),
      new OutboxWriter({ outboxStream: stream }),
    );
  });
  afterAll(async () => {
    await db.query(`DELETE FROM outbox WHERE stream IN ($1, $2)`, [stream, `${stream}-other`]);
    await db.destroy();
  });

  it('finds old PENDING messages whose event is published and whose attempt is not in flight', async () => {
    const stranded = await queued(5 * MINUTE);
    const unpublished = await queued(5 * MINUTE, { published: false });
    const fresh = await queued(MINUTE);
    const sending = await queued(5 * MINUTE);
    await repo.startAttempt(sending, null, new Date(now - 10_000));
    const inDoubt = await queued(5 * MINUTE);
    await repo.startAttempt(inDoubt, null, new Date(now - 3 * MINUTE));
    const sent = await queued(5 * MINUTE);
    await db.query(`UPDATE message_log SET status = 'SENT', sent_at = now() WHERE id = $1`, [sent]);
    const other = new TypeormMessageRepository(
      new UnitOfWork(db),
      new OutboxWriter({ outboxStream: `${stream}-other` }),
    );
    const otherStream = await queued(5 * MINUTE, { into: other });

    const { messages: found, next } = await repo.findStranded(criteria({ limit: 100_000 }));

    expect(found.map((m) => m.messageId).sort()).toEqual([stranded, inDoubt].sort());
    for (const m of found) expect(m.eventId).toBe(await eventOf(m.messageId));
    for (const id of [unpublished, fresh, sending, sent, otherStream])
      expect(found.map((m) => m.messageId)).not.toContain(id);
    expect(next).toBeUndefined(); // it looked at fewer than its limit: nothing after
  });

  it('pages oldest first after a cursor: each message once, none skipped', async () => {
    const all = async () => (await repo.findStranded(criteria({ limit: 100_000 }))).messages;
    const before = (await all()).map((m) => m.messageId);
    // Four created at the same instant between an older and a younger one: by creation, then id.
    const ids = [
      await queued(30 * MINUTE),
      ...(await Promise.all([1, 2, 3, 4].map(() => queued(20 * MINUTE)))),
      await queued(10 * MINUTE),
    ];
    // Pages of 3 PENDING messages (the shared test database holds other streams' as well).
    const seen: string[] = [];
    let after: StrandedCriteria['after'];
    let pages = 0;
    do {
      const page = await repo.findStranded(criteria({ limit: 3, after }));
      expect(page.messages.length).toBeLessThanOrEqual(3);
      seen.push(...page.messages.map((m) => m.messageId));
      after = page.next;
      pages += 1;
    } while (after && pages < 10_000);
    expect(after).toBeUndefined();
    expect(new Set(seen).size).toBe(seen.length);
    const ours = seen.filter((id) => ids.includes(id));
    expect(ours).toHaveLength(ids.length);
    expect(ours[0]).toBe(ids[0]);
    expect(ours[ours.length - 1]).toBe(ids[5]);
    expect(seen.filter((id) => !ids.includes(id)).sort()).toEqual([...before].sort());
    expect(seen.sort()).toEqual((await all()).map((m) => m.messageId).sort());
  });
});
