import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { BOOKING_QUEUE, HOLD_SWEEP_EVERY_MS, SWEEP_HOLDS_JOB } from './booking.queue';

/**
 * Keeps one repeatable `sweep-holds` job every 30 s (a job scheduler in Redis: however many
 * workers run, each tick is one job). The safety net under the delayed jobs; and even with no
 * worker at all, an expired hold never blocks a booking (the repository expires it first).
 */
@Injectable()
export class HoldSweepScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(BOOKING_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SWEEP_HOLDS_JOB,
      { every: HOLD_SWEEP_EVERY_MS },
      { name: SWEEP_HOLDS_JOB, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }
}
