import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The answers of create requests that came with an `Idempotency-Key` (API.md), by caller and
 * key: written in the same transaction as what the request created, so a retry either finds the
 * first answer or finds nothing at all (the first one failed or is still running and holds the
 * key's row). Bookings keep theirs on the appointment row instead.
 */
export class IdempotencyRecords1764000001800 implements MigrationInterface {
  name = 'IdempotencyRecords1764000001800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_records (
        principal_id uuid NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        fingerprint text NOT NULL,
        response json,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_idempotency_records" PRIMARY KEY (principal_id, key)
      )`);
    await q.query(`CREATE INDEX "IDX_idempotency_records_created" ON idempotency_records (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_records`);
  }
}
