import { ExpireHold, ExpireHolds } from '@carebook/booking';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Job, UnrecoverableError } from 'bullmq';
import { failFastOnPermanent } from '../fail-fast';
import { BOOKING_QUEUE, EXPIRE_HOLD_JOB, ExpireHoldJob, SWEEP_HOLDS_JOB } from './booking.queue';

/**
 * Runs `ExpireHold` for each delayed `expire-hold` job and `ExpireHolds` for each sweep. Both
 * check state first, so a job that runs twice changes nothing the second time. A
 * non-retryable DomainError ends the job; others (HOLD_NOT_EXPIRED, a lost connection) retry.
 */
@Processor(BOOKING_QUEUE, { concurrency: 10 })
export class BookingProcessor extends WorkerHost {
  private readonly logger = new Logger(BookingProcessor.name);

  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job<ExpireHoldJob | Record<string, never>>): Promise<unknown> {
    return failFastOnPermanent(async () => {
      if (job.name === EXPIRE_HOLD_JOB) {
        return await this.commands.execute(
          new ExpireHold((job.data as ExpireHoldJob).appointmentId),
        );
      }
      if (job.name === SWEEP_HOLDS_JOB) {
        const expired = await this.commands.execute(new ExpireHolds());
        if (expired) this.logger.log(`hold sweep expired ${expired} unpaid holds`);
        return expired;
      }
      throw new UnrecoverableError(`unknown booking job ${job.name}`);
    });
  }
}
