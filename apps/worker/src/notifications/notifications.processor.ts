import { DeliverMessage, RequeueStrandedMessages } from '@carebook/notifications';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { failFastOnPermanent } from '../fail-fast';
import {
  DELIVER_JOB,
  DeliverMessageJob,
  NOTIFICATIONS_QUEUE,
  NOTIFICATIONS_WORKER_OPTIONS,
  SWEEP_MESSAGES_JOB,
} from './notifications.queue';

/**
 * Runs `DeliverMessage` for each `deliver` job. A non-retryable DomainError (the message is
 * FAILED) ends the job at once; any other error lets BullMQ retry with backoff. When an
 * earlier attempt of the message may still be in flight (a worker that died mid-send), the job
 * waits, delayed, until that attempt can be settled, without spending one of its attempts.
 * Runs `RequeueStrandedMessages` for each `sweep-messages` job (MessageSweepScheduler).
 */
@Processor(NOTIFICATIONS_QUEUE, NOTIFICATIONS_WORKER_OPTIONS)
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(
    job: Job<DeliverMessageJob | Record<string, never>>,
    token?: string,
  ): Promise<unknown> {
    if (job.name === DELIVER_JOB) return this.deliver(job as Job<DeliverMessageJob>, token);
    if (job.name === SWEEP_MESSAGES_JOB) {
      const requeued = await this.commands.execute(new RequeueStrandedMessages());
      if (requeued)
        this.logger.log(`message sweep gave ${requeued} stranded messages their deliver job back`);
      return requeued;
    }
    throw new UnrecoverableError(`unknown notifications job ${job.name}`);
  }

  private async deliver(job: Job<DeliverMessageJob>, token?: string): Promise<void> {
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
