import {
  DOMAIN_EVENTS_QUEUE,
  DomainEventDispatcher,
  DomainEventJob,
  rehydrateEvent,
} from '@carebook/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';

/**
 * Hands each committed domain event to the contexts' `@OnDomainEvent` handlers and waits for
 * them: a failure fails the job, which BullMQ retries with backoff. The job id is the event id,
 * so an event relayed twice is handled once.
 */
// A dead worker's jobs are back in the queue within ~25 s (lock 15 s, stalled check every 5 s).
@Processor(DOMAIN_EVENTS_QUEUE, {
  concurrency: 20,
  lockDuration: 15_000,
  stalledInterval: 5_000,
  maxStalledCount: 3,
})
export class DomainEventsProcessor extends WorkerHost {
  constructor(private readonly dispatcher: DomainEventDispatcher) {
    super();
  }

  async process(job: Job<DomainEventJob>): Promise<void> {
    const event = rehydrateEvent(job.data.type, job.data.payload);
    // A type this worker does not know has no handler here: nothing to do.
    if (!event) return;
    await this.dispatcher.dispatch(event);
  }
}
