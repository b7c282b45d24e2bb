import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  DIRECTORY_QUEUE,
  DIRECTORY_REFRESH_EVERY_MS,
  REFRESH_DIRECTORY_JOB,
} from './directory.queue';
import { keepRepeating } from '../job-scheduler';

/**
 * Keeps one repeatable `refresh-directory` job (a job scheduler in Redis: however many workers
 * run, each tick is one job, so the directory is refreshed and re-clustered once per tick, not
 * once per worker as with a timer in each).
 */
@Injectable()
export class DirectoryRefreshScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(DIRECTORY_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await keepRepeating(this.queue, REFRESH_DIRECTORY_JOB, DIRECTORY_REFRESH_EVERY_MS);
  }
}
