import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { BOOKING_QUEUE, HOLD_SWEEP_EVERY_MS, SWEEP_HOLDS_JOB } from './booking.queue';
import { keepRepeating } from '../job-scheduler';

/**
 * Keeps one repeatable `sweep-holds` job every 30 s (a job scheduler in Redis: however many
 * workers run, each tick is one job). The safety net under the delayed jobs; and even with no
 * worker at all, an expired hold never blocks a booking (the repository expires it first).
 */
@Injectable()
export class HoldSweepScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(BOOKING_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await keepRepeating(this.queue, SWEEP_HOLDS_JOB, HOLD_SWEEP_EVERY_MS);
  }
}
