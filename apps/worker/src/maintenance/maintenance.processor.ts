import { IdempotencyRecords } from '@carebook/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { MAINTENANCE_QUEUE, PRUNE_JOB } from './maintenance.queue';

/** Each `prune` job deletes the Idempotency-Key answers that no longer count (24 h). */
@Processor(MAINTENANCE_QUEUE, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(private readonly idempotency: IdempotencyRecords) {
    super();
  }

  async process(job: Job): Promise<{ idempotencyRecords: number }> {
    if (job.name !== PRUNE_JOB) throw new UnrecoverableError(`unknown maintenance job ${job.name}`);
    const idempotencyRecords = await this.idempotency.prune();
    if (idempotencyRecords)
      this.logger.log(`pruned ${idempotencyRecords} old Idempotency-Key answers`);
    return { idempotencyRecords };
  }
}
