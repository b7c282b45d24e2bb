import { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions every context relies on, and the transactional outbox. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // Created by `npm start`/`npm test` as superuser when possible; IF NOT EXISTS keeps managed
    // databases (where an operator pre-installed them) working.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
    await q.query(`
      CREATE TABLE outbox (
        id            uuid PRIMARY KEY,
        seq           bigint GENERATED ALWAYS AS IDENTITY,
        type          text NOT NULL,
        aggregate_id  text NOT NULL,
        payload       jsonb NOT NULL,
        occurred_at   timestamptz NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_outbox_seq" ON outbox (seq)`);
    await q.query(`CREATE INDEX "IDX_outbox_unpublished" ON outbox (seq) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX "IDX_outbox_published_at" ON outbox (published_at) WHERE published_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
  }
}
