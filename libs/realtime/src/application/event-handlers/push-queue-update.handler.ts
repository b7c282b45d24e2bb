import { Clock, DomainEventHandler, OnDomainEvent } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import {
  APPOINTMENT_CHANGES,
  AppointmentChange,
  changesQueue,
  queueUpdateMessage,
} from '../mappings/appointment-messages';
import { FrontDeskQueues } from '../ports/front-desk-queues';
import { RealtimePublisher } from '../ports/realtime-publisher';

/**
 * A committed change into or out of CHECKED_IN / IN_PROGRESS -> `queue:update` with the
 * centre's whole waiting room, read after the change committed. `asOf` is taken before the
 * read, so the snapshot with the latest `asOf` holds every change a client has heard of.
 */
@Injectable()
@OnDomainEvent(...APPOINTMENT_CHANGES)
export class PushQueueUpdate implements DomainEventHandler<AppointmentChange> {
  constructor(
    private readonly queues: FrontDeskQueues,
    private readonly publisher: RealtimePublisher,
    private readonly clock: Clock,
  ) {}

  async handle(event: AppointmentChange): Promise<void> {
    if (!changesQueue(event)) return;
    const asOf = this.clock.now();
    const queue = await this.queues.queueOf(event.centreId);
    await this.publisher.publish(queueUpdateMessage(event, queue, asOf));
  }
}
