import { RefreshDirectory, ReorderDirectory } from '@carebook/directory';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

const EVERY_MS = 5 * 60_000;
/** Batches of RefreshDirectory's default size per tick at most: 5,000 rows per 5 minutes. */
const MAX_BATCHES_PER_TICK = 25;

/**
 * Every few minutes, re-projects directory rows whose slot window has aged (see RefreshDirectory),
 * then puts the directory back in location order when enough rows have moved (ReorderDirectory).
 */
@Injectable()
export class DirectoryRefreshRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DirectoryRefreshRunner.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly commands: CommandBus) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.refreshAged()
        .then(() => this.commands.execute(new ReorderDirectory()))
        .catch((error: Error) => this.logger.warn(`directory refresh or reorder failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, EVERY_MS);
    this.timer.unref();
  }

  /** Keeps going while batches come back full, so a large directory is not refreshed 200 rows per tick. */
  private async refreshAged(): Promise<void> {
    const batch = new RefreshDirectory();
    for (let i = 0; i < MAX_BATCHES_PER_TICK; i++) {
      if ((await this.commands.execute(batch)) < batch.limit) return;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
