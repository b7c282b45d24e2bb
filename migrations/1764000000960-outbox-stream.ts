import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox streams: each row belongs to the stream of the process that wrote it (OUTBOX_STREAM,
 * `default` in an installation) and only relays of that stream publish it. Test suites run side
 * by side on one database with a stream each, so a suite's worker never takes another's events.
 */
export class OutboxStream1764000000960 implements MigrationInterface {
  name = 'OutboxStream1764000000960';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN stream text NOT NULL DEFAULT 'default'`);
    await q.query(`DROP INDEX "IDX_outbox_unpublished"`);
    await q.query(`CREATE INDEX "IDX_outbox_unpublished" ON outbox (stream, seq) WHERE published_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_outbox_unpublished"`);
    await q.query(`CREATE INDEX "IDX_outbox_unpublished" ON outbox (seq) WHERE published_at IS NULL`);
    await q.query(`ALTER TABLE outbox DROP COLUMN stream`);
  }
}
