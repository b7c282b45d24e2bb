import { DeliverMessage } from '@carebook/notifications';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { DelayedError, Job } from 'bullmq';
import { failFastOnPermanent } from '../fail-fast';
import {
  DeliverMessageJob,
  NOTIFICATIONS_QUEUE,
  NOTIFICATIONS_WORKER_OPTIONS,
} from './notifications.queue';

/**
 * Runs `DeliverMessage` for each `deliver` job. A non-retryable DomainError (the message is
 * FAILED) ends the job at once; any other error lets BullMQ retry with backoff. When an
 * earlier attempt of the message may still be in flight (a worker that died mid-send), the job
 * waits, delayed, until that attempt can be settled, without spending one of its attempts.
 */
@Processor(NOTIFICATIONS_QUEUE, NOTIFICATIONS_WORKER_OPTIONS)
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job<DeliverMessageJob>, token?: string): Promise<void> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return failFastOnPermanent(async () => {
      const { retryAt } = await this.commands.execute(
        new DeliverMessage(job.data.messageId, { finalAttempt }),
      );
      if (retryAt) {
        await job.moveToDelayed(retryAt.getTime(), token);
        throw new DelayedError();
      }
    });
  }
}
