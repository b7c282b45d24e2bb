import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';

/** How long a kept answer counts: after that the key starts afresh, and the row may go. */
export const IDEMPOTENCY_KEPT_HOURS = 24;

/** A kept answer: what the first request with the key was and answered. */
export interface IdempotencyRecord {
  fingerprint: string;
  response: unknown;
}

/**
 * `idempotency_records` (migration 1764000001800): one row per caller and `Idempotency-Key`,
 * written in the caller's transaction (UnitOfWork) together with what the request created.
 */
@Injectable()
export class IdempotencyRecords {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Takes the key for a request (replacing an answer that no longer counts); false when the key
   * is taken. A twin request in flight holds the key's row: this waits until it commits (then
   * false) or rolls back (then true).
   */
  async claim(principalId: string, key: string, fingerprint: string): Promise<boolean> {
    const { rowCount } = await this.uow.query(
      `INSERT INTO idempotency_records (principal_id, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (principal_id, key) DO UPDATE
          SET fingerprint = EXCLUDED.fingerprint, response = NULL, created_at = now()
        WHERE idempotency_records.created_at < now() - make_interval(hours => $4)`,
      [principalId, key, fingerprint, IDEMPOTENCY_KEPT_HOURS],
    );
    return rowCount === 1;
  }

  /** Keeps the answer of the request that claimed the key. */
  async keep(principalId: string, key: string, response: unknown): Promise<void> {
    await this.uow.query(
      `UPDATE idempotency_records SET response = $3::json WHERE principal_id = $1 AND key = $2`,
      [principalId, key, response === undefined ? null : JSON.stringify(response)],
    );
  }

  /** The kept answer for the key, if any. */
  async find(principalId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const {
      rows: [row],
    } = await this.uow.query<IdempotencyRecord>(
      `SELECT fingerprint, response FROM idempotency_records WHERE principal_id = $1 AND key = $2`,
      [principalId, key],
    );
    return row;
  }

  /** Deletes answers that no longer count, `batch` rows per statement; answers how many. */
  async prune(batch = 5_000): Promise<number> {
    let pruned = 0;
    for (;;) {
      const { rowCount } = await this.uow.query(
        `DELETE FROM idempotency_records WHERE ctid = ANY (ARRAY(
           SELECT ctid FROM idempotency_records
            WHERE created_at < now() - make_interval(hours => $1) LIMIT $2))`,
        [IDEMPOTENCY_KEPT_HOURS, batch],
      );
      pruned += rowCount;
      if (rowCount < batch) return pruned;
    }
  }
}
