import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { MAINTENANCE_QUEUE, PRUNE_EVERY_MS, PRUNE_JOB } from './maintenance.queue';
import { keepRepeating } from '../job-scheduler';

/** Keeps one repeatable `prune` job (a job scheduler: one tick per hour however many workers run). */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await keepRepeating(this.queue, PRUNE_JOB, PRUNE_EVERY_MS);
  }
}
