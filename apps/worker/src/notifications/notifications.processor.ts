import { DomainError } from '@carebook/core';
import { DeliverMessage } from '@carebook/notifications';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { Job, UnrecoverableError } from 'bullmq';
import { DeliverMessageJob, NOTIFICATIONS_QUEUE } from './notifications.queue';

/**
 * Runs `DeliverMessage` for each `deliver` job. A non-retryable DomainError (the message is
 * FAILED) ends the job at once; any other error lets BullMQ retry with backoff.
 */
@Processor(NOTIFICATIONS_QUEUE, { concurrency: 10 })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job<DeliverMessageJob>): Promise<void> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      await this.commands.execute(new DeliverMessage(job.data.messageId, { finalAttempt }));
    } catch (error) {
      if (error instanceof DomainError && !error.retryable)
        throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }
}
