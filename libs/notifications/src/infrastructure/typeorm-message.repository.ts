import { OutboxWriter, UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import type { Channel, DeliveryStatus, MessageStatus } from '../domain/channel';
import { Message } from '../domain/message';
import { MessageRepository } from '../domain/message.repository';
import { MessageLogOrmEntity } from './message-log.orm-entity';

/** `message_log` rows and their events, written in one transaction (the caller's, if open). */
@Injectable()
export class TypeormMessageRepository extends MessageRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async findById(id: string): Promise<Message | undefined> {
    const row = await this.uow.manager().findOneBy(MessageLogOrmEntity, { id });
    return row ? toAggregate(row) : undefined;
  }

  async findByProviderMessageId(providerMessageId: string): Promise<Message | undefined> {
    const row = await this.uow.manager().findOneBy(MessageLogOrmEntity, { providerMessageId });
    return row ? toAggregate(row) : undefined;
  }

  async add(message: Message): Promise<string> {
    return this.uow.run(async (manager) => {
      // ON CONFLICT DO NOTHING, not a caught unique violation: an error would abort the
      // caller's transaction (identity queues its OTP message inside its own).
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(MessageLogOrmEntity)
        .values(toRow(message))
        .orIgnore()
        .returning(['id'])
        .execute();
      const events = message.pullEvents();
      if ((inserted.raw as unknown[]).length) {
        await this.outbox.append(manager, events);
        return message.id;
      }
      const key = message.snapshot().idempotencyKey;
      const holder = key
        ? await manager.findOne(MessageLogOrmEntity, {
            select: { id: true },
            where: { idempotencyKey: key },
          })
        : null;
      if (!holder)
        throw new Error(`message ${message.id} was not stored and no message holds its key`);
      return holder.id;
    });
  }

  async save(message: Message): Promise<void> {
    const s = message.snapshot();
    await this.uow.run(async (manager) => {
      await manager.update(
        MessageLogOrmEntity,
        { id: s.id },
        {
          status: s.status,
          attempts: s.attempts,
          providerMessageId: s.providerMessageId,
          lastError: s.lastError,
          body: s.body,
          html: s.html,
          updatedAt: s.updatedAt,
          sentAt: s.sentAt,
          deliveryStatus: s.deliveryStatus,
          deliveryErrorCode: s.deliveryErrorCode,
          deliveryUpdatedAt: s.deliveryUpdatedAt,
        },
      );
      await this.outbox.append(manager, message.pullEvents());
    });
  }
}

function toAggregate(row: MessageLogOrmEntity): Message {
  return Message.restore({
    id: row.id,
    recipient: row.recipient,
    channel: row.channel as Channel,
    template: row.template,
    subject: row.subject,
    body: row.body,
    html: row.html,
    calendarEvent: row.calendarEvent,
    sensitive: row.sensitive,
    status: row.status as MessageStatus,
    attempts: row.attempts,
    providerMessageId: row.providerMessageId,
    lastError: row.lastError,
    idempotencyKey: row.idempotencyKey,
    centreId: row.centreId,
    patientId: row.patientId,
    appointmentId: row.appointmentId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    sentAt: row.sentAt,
    deliveryStatus: row.deliveryStatus as DeliveryStatus | null,
    deliveryErrorCode: row.deliveryErrorCode,
    deliveryUpdatedAt: row.deliveryUpdatedAt,
  });
}

function toRow(message: Message): MessageLogOrmEntity {
  return Object.assign(new MessageLogOrmEntity(), message.snapshot());
}
