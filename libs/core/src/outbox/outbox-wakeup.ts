import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/** The channel `carebook_outbox_notify()` (migration 1764000001400) notifies on commit. */
export const OUTBOX_CHANNEL = 'carebook_outbox';

/**
 * Listens for commits to one outbox stream on a dedicated PostgreSQL connection, so the relay
 * wakes within milliseconds of a commit instead of at its next poll. `wait(ms)` answers at the
 * first commit heard since the previous wait, or after `ms`. A lost connection is re-opened with
 * back-off; meanwhile waits simply time out, i.e. the relay falls back to polling.
 */
export class OutboxWakeup {
  private readonly logger = new Logger(OutboxWakeup.name);
  private client?: Client;
  private heard = false;
  private wake?: () => void;
  private closed = false;
  private retry?: NodeJS.Timeout;
  private failures = 0;

  constructor(
    private readonly databaseUrl: string,
    private readonly stream: string,
  ) {}

  /** Starts listening; resolves once LISTEN is in place (or the first attempt failed). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Resolves at the next commit heard (at once if one came since the last wait) or after `ms`. */
  wait(ms: number): Promise<void> {
    if (this.heard) {
      this.heard = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        this.heard = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.wake?.();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.databaseUrl, application_name: listenerName(this.stream) });
    client.on('notification', (n) => {
      if (n.channel === OUTBOX_CHANNEL && n.payload === this.stream) this.signal();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.client = client;
      if (this.failures) this.logger.log('outbox listener reconnected');
      this.failures = 0;
      // Commits made while we were not listening: let the relay look once.
      this.signal();
    } catch (error) {
      await client.end().catch(() => undefined);
      this.lost(client, error as Error);
    }
  }

  private signal(): void {
    if (this.wake) this.wake();
    else this.heard = true;
  }

  private lost(client: Client, error?: Error): void {
    if (this.closed || (this.client && this.client !== client) || this.retry) return;
    this.client = undefined;
    this.failures += 1;
    if (this.failures === 1 || this.failures % 20 === 0) {
      this.logger.warn(`outbox listener lost (${error?.message ?? 'connection ended'}); polling until it is back`);
    }
    const delay = Math.min(250 * 2 ** Math.min(this.failures, 5), 8000);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, delay);
  }
}

/** The listener's `application_name` (pg_stat_activity), e.g. `carebook-outbox-listener:default`. */
export function listenerName(stream: string): string {
  return `carebook-outbox-listener:${stream}`.slice(0, 63);
}
