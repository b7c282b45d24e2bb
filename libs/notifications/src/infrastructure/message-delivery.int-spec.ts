import { OutboxWriter, UnitOfWork } from '@carebook/core';
import { openTestDataSource, uniquePhone } from '@carebook/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Message } from '../domain/message';
import { Recipient } from '../domain/recipient';
import { MessageLogOrmEntity } from './message-log.orm-entity';
import { TypeormChannelPreferences } from './typeorm-channel-preferences';
import { TypeormMessageRepository } from './typeorm-message.repository';

describe('message delivery columns and channel preferences (PostgreSQL)', () => {
  let db: DataSource;
  let repo: TypeormMessageRepository;
  let preferences: TypeormChannelPreferences;
  let uow: UnitOfWork;
  // Stored with its event marked published in the same transaction: no running worker (of a
  // parallel suite) may deliver it while this spec changes its state by hand.
  const addUndelivered = (message: Message) =>
    uow.run(async (manager) => {
      await repo.add(message);
      await manager.query(`UPDATE outbox SET published_at = now() WHERE aggregate_id = $1`, [
        message.id,
      ]);
    });

  beforeAll(async () => {
    db = await openTestDataSource([MessageLogOrmEntity]);
    uow = new UnitOfWork(db);
    repo = new TypeormMessageRepository(uow, new OutboxWriter());
    preferences = new TypeormChannelPreferences(uow);
  });
  afterAll(() => db.destroy());

  it('keeps the HTML part and the calendar invite, and finds a message by provider id', async () => {
    const message = Message.queue(
      {
        recipient: Recipient.of(`asha.${randomUUID()}@carebook.example`),
        channel: 'EMAIL',
        template: 'appointment-confirmation',
        subject: 'Appointment confirmed',
        body: 'Confirmed.',
        html: '<p>Confirmed.</p>',
        calendarEvent: {
          uid: randomUUID(),
          title: 'Appointment with Dr Meera Iyer',
          startsAt: '2026-03-29T04:00:00.000Z',
          endsAt: '2026-03-29T04:30:00.000Z',
          status: 'CONFIRMED',
          sequence: 0,
        },
      },
      new Date(),
    );
    await addUndelivered(message);
    expect((await repo.findById(message.id))?.snapshot()).toEqual(message.snapshot());

    const sid = `SM${randomUUID().replace(/-/g, '')}`;
    message.markSent(sid, new Date(), false);
    await repo.save(message);
    const found = await repo.findByProviderMessageId(sid);
    expect(found?.id).toBe(message.id);
    found!.recordDelivery('UNDELIVERED', '30003', new Date());
    await repo.save(found!);
    expect((await repo.findById(message.id))?.snapshot()).toMatchObject({
      deliveryStatus: 'UNDELIVERED',
      deliveryErrorCode: '30003',
      deliveryUpdatedAt: expect.any(Date),
    });
    expect(await repo.findByProviderMessageId(`SM${'0'.repeat(32)}`)).toBeUndefined();
  });

  it('refuses a delivery report on a message that was never sent', async () => {
    const message = Message.queue(
      { recipient: Recipient.of(uniquePhone()), channel: 'SMS', template: 'otp', body: 'x' },
      new Date(),
    );
    await addUndelivered(message);
    await expect(
      db.query(
        `UPDATE message_log SET delivery_status = 'DELIVERED', delivery_updated_at = now() WHERE id = $1`,
        [message.id],
      ),
    ).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'CHK_message_log_delivery_after_sent' }),
    });
  });

  it('stores, replaces and clears a preference; the database refuses a channel that cannot reach', async () => {
    const phone = uniquePhone();
    expect(await preferences.preferredChannel(phone)).toBeUndefined();
    await preferences.setPreferredChannel(phone, 'WHATSAPP', new Date());
    await preferences.setPreferredChannel(phone, 'SMS', new Date());
    expect(await preferences.preferredChannel(phone)).toBe('SMS');
    await preferences.setPreferredChannel(phone, null, new Date());
    expect(await preferences.preferredChannel(phone)).toBeUndefined();
    await expect(preferences.setPreferredChannel(phone, 'EMAIL', new Date())).rejects.toMatchObject(
      {
        driverError: expect.objectContaining({
          constraint: 'CHK_notification_preferences_channel',
        }),
      },
    );
  });
});
