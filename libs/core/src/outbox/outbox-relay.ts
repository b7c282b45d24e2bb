import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One committed outbox row as the relay hands it on. */
export interface RelayedMessage {
  id: string;
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

/** Where the relay delivers events (BullMQ in the worker). Must dedupe by `id`. */
export abstract class OutboxPublisher {
  abstract publish(messages: RelayedMessage[]): Promise<void>;
}

/** Lets a test stop the relay between publishing and marking, like a crash would. */
export abstract class OutboxRelayHooks {
  abstract afterPublish(messages: RelayedMessage[]): Promise<void> | void;
}


/**
 * Moves committed outbox rows to the publisher, oldest first, and marks them published.
 * Publish and mark share one transaction: a crash between them leaves the rows unpublished,
 * so the next pass publishes them again with the same ids (at least once; the publisher's
 * id-based dedupe makes it once).
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: OutboxPublisher,
    private readonly hooks?: OutboxRelayHooks,
    /** The outbox stream this relay serves (see OUTBOX_STREAM). */
    private readonly stream = 'default',
  ) {}

  /** Relays up to `limit` rows; answers how many were published (0 when another relay holds the lock). */
  async relayBatch(limit = 200): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // One relay per stream at a time keeps delivery in commit-sequence order.
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 7310442001)) AS locked`, [
        `outbox-relay:${this.stream}`,
      ]);
      if (!locked) {
        await runner.rollbackTransaction();
        return 0;
      }
      const rows: Array<RelayedMessage & { occurredAt: Date }> = await runner.query(
        `SELECT id, type, aggregate_id AS "aggregateId", payload, occurred_at AS "occurredAt"
           FROM outbox WHERE published_at IS NULL AND stream = $2 ORDER BY seq LIMIT $1`,
        [limit, this.stream],
      );
      if (!rows.length) {
        await runner.commitTransaction();
        return 0;
      }
      const messages = rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt).toISOString() }));
      await this.publisher.publish(messages);
      await this.hooks?.afterPublish(messages);
      await runner.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])', [
        messages.map((m) => m.id),
      ]);
      await runner.commitTransaction();
      return messages.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Deletes published rows older than `days`, keeping the table small. */
  async purgePublished(days = 7): Promise<number> {
    const result = await this.dataSource.query(
      `DELETE FROM outbox WHERE published_at < now() - make_interval(days => $1)`,
      [days],
    );
    const deleted = Array.isArray(result) ? Number(result[1] ?? 0) : 0;
    if (deleted) this.logger.log(`purged ${deleted} published outbox rows`);
    return deleted;
  }
}
