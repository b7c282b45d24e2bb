import {
  DATABASE_CONFIG,
  DatabaseConfig,
  OutboxRelay,
  OutboxWakeup,
  WORKER_CONFIG,
  WorkerConfig,
} from '@carebook/core';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

/** Rows per relay pass: one SELECT, one addBulk per queue and one UPDATE for up to this many. */
const RELAY_BATCH = 1000;

/**
 * Drives the outbox relay: drains the outbox in batches, then sleeps until a commit to its
 * stream is heard (LISTEN/NOTIFY, see OutboxWakeup) or OUTBOX_POLL_MS passes, whichever is first.
 * While Redis or PostgreSQL is down it backs off and retries; nothing is lost because the
 * rows stay unpublished until a publish succeeds.
 */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayRunner.name);
  private running = false;
  private loop?: Promise<void>;
  private lastPurge = 0;
  private readonly wakeup: OutboxWakeup;

  constructor(
    private readonly relay: OutboxRelay,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(DATABASE_CONFIG) database: DatabaseConfig,
  ) {
    this.wakeup = new OutboxWakeup(database.url, database.outboxStream);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    await this.wakeup.start();
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.wakeup.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const relayed = await this.relay.relayBatch(RELAY_BATCH);
        if (failures) this.logger.log('outbox relay recovered');
        failures = 0;
        await this.purgeDaily();
        if (relayed === 0) await this.wakeup.wait(this.config.outboxPollMs);
      } catch (error) {
        failures += 1;
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(
            `outbox relay failed (${failures}x), retrying: ${(error as Error).message}`,
          );
        }
        await sleep(Math.min(this.config.outboxPollMs * 2 ** Math.min(failures, 6), 5000));
      }
    }
  }

  private async purgeDaily(): Promise<void> {
    if (Date.now() - this.lastPurge < 24 * 3600_000) return;
    this.lastPurge = Date.now();
    await this.relay.purgePublished(7);
  }
}
