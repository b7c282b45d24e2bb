import { RefreshDirectory, ReorderDirectory } from '@carebook/directory';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { Job, UnrecoverableError } from 'bullmq';
import {
  DIRECTORY_QUEUE,
  MAX_REFRESH_BATCHES_PER_TICK,
  REFRESH_DIRECTORY_JOB,
} from './directory.queue';

/**
 * Each `refresh-directory` job re-projects directory rows whose slot window has aged (see
 * RefreshDirectory), batch after batch while they come back full (a large directory is not
 * refreshed 200 rows per tick), then puts the directory back in location order when enough rows
 * have moved (ReorderDirectory). One at a time; what a failed tick leaves is the next tick's work.
 */
@Processor(DIRECTORY_QUEUE, { concurrency: 1 })
export class DirectoryProcessor extends WorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job): Promise<{ refreshed: number; reordered: boolean }> {
    if (job.name !== REFRESH_DIRECTORY_JOB) {
      throw new UnrecoverableError(`unknown directory job ${job.name}`);
    }
    const batch = new RefreshDirectory();
    let refreshed = 0;
    for (let i = 0; i < MAX_REFRESH_BATCHES_PER_TICK; i++) {
      const n = await this.commands.execute(batch);
      refreshed += n;
      if (n < batch.limit) break;
    }
    return { refreshed, reordered: await this.commands.execute(new ReorderDirectory()) };
  }
}
