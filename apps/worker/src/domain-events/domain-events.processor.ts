import { DOMAIN_EVENTS_QUEUE, DomainEventJob, rehydrateEvent } from '@carebook/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * Hands each committed domain event to the worker's in-process EventBus, where the contexts'
 * event handlers react (schedule reminders, notify, push to sockets). The job id is the event
 * id, so an event relayed twice is handled once.
 */
@Processor(DOMAIN_EVENTS_QUEUE, { concurrency: 20 })
export class DomainEventsProcessor extends WorkerHost {
  private readonly logger = new Logger(DomainEventsProcessor.name);

  constructor(private readonly eventBus: EventBus) {
    super();
  }

  async process(job: Job<DomainEventJob>): Promise<void> {
    const event = rehydrateEvent(job.data.type, job.data.payload);
    if (!event) throw new UnrecoverableError(`unknown domain event type ${job.data.type}`);
    await this.eventBus.publish(event);
    this.logger.debug(`handled ${job.data.type} ${job.data.eventId}`);
  }
}
