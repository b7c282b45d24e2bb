import { DomainEventHandler, OnDomainEvent } from '@carebook/core';
import { MessageQueued } from '@carebook/notifications';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  DELIVER_JOB,
  DELIVER_JOB_OPTIONS,
  DeliverMessageJob,
  NOTIFICATIONS_QUEUE,
} from './notifications.queue';

/** A committed MessageQueued becomes a `deliver` job; the message id as job id makes repeats one job. */
@Injectable()
@OnDomainEvent(MessageQueued)
export class EnqueueMessageDelivery implements DomainEventHandler<MessageQueued> {
  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue<DeliverMessageJob>) {}

  async handle(event: MessageQueued): Promise<void> {
    const messageId = event.aggregateId;
    await this.queue.add(
      DELIVER_JOB,
      { messageId, eventId: event.eventId },
      { ...DELIVER_JOB_OPTIONS, jobId: messageId },
    );
  }
}
