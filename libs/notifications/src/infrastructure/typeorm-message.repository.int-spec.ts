import { NotFoundError, OutboxWriter, UnitOfWork } from '@carebook/core';
import { openTestDataSource, uniquePhone } from '@carebook/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ListCapturedMessagesHandler } from '../application/queries/list-captured-messages/list-captured-messages.handler';
import { ListCapturedMessages } from '../application/queries/list-captured-messages/list-captured-messages.query';
import { Message } from '../domain/message';
import type { MessageDraft } from '../domain/message-draft';
import { Recipient } from '../domain/recipient';
import { MessageLogOrmEntity } from './message-log.orm-entity';
import { TypeormMessageRepository } from './typeorm-message.repository';

const draft = (to: string, overrides: Partial<MessageDraft> = {}): MessageDraft => ({
  recipient: Recipient.of(to),
  channel: 'LOG',
  template: 'otp',
  body: 'Your carebook code is 482913.',
  sensitive: true,
  ...overrides,
});

describe('TypeormMessageRepository + ListCapturedMessages (PostgreSQL)', () => {
  let db: DataSource;
  let uow: UnitOfWork;
  let repo: TypeormMessageRepository;
  const rowsTo = (to: string) => db.query(`SELECT id FROM message_log WHERE recipient = $1`, [to]);
  const outboxOf = (id: string) =>
    db.query(`SELECT type, payload FROM outbox WHERE aggregate_id = $1`, [id]);

  beforeAll(async () => {
    db = await openTestDataSource([MessageLogOrmEntity]);
    uow = new UnitOfWork(db);
    repo = new TypeormMessageRepository(uow, new OutboxWriter());
  });
  afterAll(() => db.destroy());

  it('stores the row and MessageQueued together; the event holds the id and never the text', async () => {
    const message = Message.queue(draft(uniquePhone(), { subject: 'Code' }), new Date());
    expect(await repo.add(message)).toBe(message.id);
    expect((await repo.findById(message.id))?.snapshot()).toEqual(message.snapshot());
    const outbox = await outboxOf(message.id);
    expect(outbox).toEqual([
      {
        type: 'notifications.MessageQueued',
        payload: expect.objectContaining({ aggregateId: message.id }),
      },
    ]);
    expect(Object.keys(outbox[0].payload).sort()).toEqual(['aggregateId', 'eventId', 'occurredAt']);
    expect(JSON.stringify(outbox)).not.toContain('482913');
  });

  it('stores what the message is about (centre, patient, appointment) and reads it back', async () => {
    const about = { centreId: randomUUID(), patientId: randomUUID(), appointmentId: randomUUID() };
    const message = Message.queue(draft(uniquePhone(), { about }), new Date());
    await repo.add(message);
    expect((await repo.findById(message.id))?.snapshot()).toMatchObject(about);
    const [row] = await db.query(
      `SELECT centre_id, patient_id, appointment_id FROM message_log WHERE id = $1`,
      [message.id],
    );
    expect(row).toEqual({
      centre_id: about.centreId,
      patient_id: about.patientId,
      appointment_id: about.appointmentId,
    });
  });

  it('answers the first id for a used idempotency key, storing nothing, and leaves the transaction usable', async () => {
    const to = uniquePhone();
    const key = `otp:${to}:${randomUUID()}`;
    const first = Message.queue(draft(to, { idempotencyKey: key }), new Date());
    const second = Message.queue(
      draft(to, { idempotencyKey: key, body: 'another text' }),
      new Date(),
    );
    const ids = await uow.run(async (manager) => {
      const a = await repo.add(first);
      const b = await repo.add(second);
      await manager.query('SELECT 1'); // an aborted transaction would refuse this
      return [a, b];
    });
    expect(ids).toEqual([first.id, first.id]);
    expect(await rowsTo(to)).toEqual([{ id: first.id }]);
    expect(await outboxOf(second.id)).toEqual([]);
  });

  it('stores one message when several transactions race with the same key', async () => {
    const to = uniquePhone();
    const key = `race:${randomUUID()}`;
    const racers = [1, 2, 3].map(() =>
      Message.queue(draft(to, { idempotencyKey: key }), new Date()),
    );
    const ids = await Promise.all(racers.map((m) => repo.add(m)));
    expect(new Set(ids).size).toBe(1);
    expect(await rowsTo(to)).toEqual([{ id: ids[0] }]);
  });

  it("joins the caller's transaction: a rollback takes the message and its event with it", async () => {
    const to = uniquePhone();
    const message = Message.queue(draft(to), new Date());
    const rollback = new Error('rollback');
    await expect(
      uow.run(async () => {
        await repo.add(message);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await rowsTo(to)).toEqual([]);
    expect(await outboxOf(message.id)).toEqual([]);
  });

  it('saves the delivery state, and the database refuses a SENT row without sent_at', async () => {
    const message = Message.queue(draft(uniquePhone(), { sensitive: false }), new Date());
    await repo.add(message);
    message.recordFailedAttempt('Error: ETIMEDOUT', false, new Date());
    message.markSent('log-1', new Date(), true);
    await repo.save(message);
    expect((await repo.findById(message.id))?.snapshot()).toEqual(message.snapshot());
    await expect(
      db.query(`UPDATE message_log SET sent_at = NULL WHERE id = $1`, [message.id]),
    ).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'CHK_message_log_sent_at' }),
    });
  });

  it('lists only SENT messages of the log channel for the recipient, newest first, with their text', async () => {
    const to = `dev.${randomUUID()}@carebook.example`;
    const t0 = Date.now();
    const stored = [];
    for (const [i, channel] of (['LOG', 'LOG', 'EMAIL', 'LOG'] as const).entries()) {
      const message = Message.queue(
        draft(to, { channel, body: `message ${i}`, template: 'welcome' }),
        new Date(t0 + i * 1000),
      );
      await repo.add(message);
      if (i !== 3) message.markSent(`p-${i}`, new Date(t0 + i * 1000 + 10), true);
      await repo.save(message);
      stored.push(message);
    }
    const handler = new ListCapturedMessagesHandler(db, { devMessages: true });
    const { items } = await handler.execute(new ListCapturedMessages({ to, limit: 20 }));
    expect(items.map((m) => m.body)).toEqual(['message 1', 'message 0']);
    expect(items[0]).toEqual({
      id: stored[1].id,
      to,
      channel: 'LOG',
      template: 'welcome',
      subject: null,
      body: 'message 1',
      status: 'SENT',
      attempts: 1,
      createdAt: new Date(t0 + 1000).toISOString(),
      sentAt: new Date(t0 + 1010).toISOString(),
    });
    expect((await handler.execute(new ListCapturedMessages({ to, limit: 1 }))).items).toHaveLength(
      1,
    );
    const off = new ListCapturedMessagesHandler(db, { devMessages: false });
    await expect(off.execute(new ListCapturedMessages({ to, limit: 20 }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
