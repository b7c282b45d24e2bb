import { RefreshDirectory, ReorderDirectory } from '@carebook/directory';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

const EVERY_MS = 5 * 60_000;

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
      this.running = this.commands
        .execute(new RefreshDirectory())
        .then(() => this.commands.execute(new ReorderDirectory()))
        .catch((error: Error) => this.logger.warn(`directory refresh or reorder failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
