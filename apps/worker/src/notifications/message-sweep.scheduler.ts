import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  MESSAGE_SWEEP_EVERY_MS,
  NOTIFICATIONS_QUEUE,
  SWEEP_MESSAGES_JOB,
} from './notifications.queue';
import { keepRepeating } from '../job-scheduler';

/**
 * Keeps one repeatable `sweep-messages` job every minute (a job scheduler in Redis: however many
 * workers run, each tick is one job), the safety net under the `deliver` jobs. The scheduler
 * lives in Redis too, so what loses a `deliver` job (a restart without persistence, a flush)
 * loses it as well: each worker checks once a period that it is still there and puts it back.
 */
@Injectable()
export class MessageSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MessageSweepScheduler.name);
  private timer?: NodeJS.Timeout;

  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.ensureScheduled().catch((error: unknown) =>
        this.logger.warn(`could not check the message sweep's scheduler: ${String(error)}`),
      );
    }, MESSAGE_SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Puts the scheduler back when Redis no longer has it; answers whether it had to. */
  async ensureScheduled(): Promise<boolean> {
    if (await this.queue.getJobScheduler(SWEEP_MESSAGES_JOB)) return false;
    await this.schedule();
    this.logger.warn('the message sweep scheduler was missing from Redis (data lost?): restored');
    return true;
  }

  private async schedule(): Promise<void> {
    await keepRepeating(this.queue, SWEEP_MESSAGES_JOB, MESSAGE_SWEEP_EVERY_MS);
  }
}
