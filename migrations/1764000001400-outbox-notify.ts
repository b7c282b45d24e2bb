import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wakes the outbox relays when events commit, instead of leaving them to their next poll: once
 * per INSERT statement on `outbox`, one `NOTIFY carebook_outbox, '<stream>'` per stream written.
 * PostgreSQL delivers notifications only when (and if) the transaction commits, and folds
 * repeats within one transaction, so a relay hears each commit once and never a rolled-back one.
 * Polling stays as the safety net (OUTBOX_POLL_MS) for a listener that lost its connection.
 */
export class OutboxNotify1764000001400 implements MigrationInterface {
  name = 'OutboxNotify1764000001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION carebook_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s text;
      BEGIN
        FOR s IN SELECT DISTINCT stream FROM new_rows LOOP
          PERFORM pg_notify('carebook_outbox', s);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER "TRG_outbox_notify" AFTER INSERT ON outbox
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION carebook_outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "TRG_outbox_notify" ON outbox`);
    await q.query(`DROP FUNCTION carebook_outbox_notify()`);
  }
}
