import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One definition of the clinician's booking lock (docs/scheduling.md, "Booking under load").
 *
 * `booking_lock(clinician)` takes the transaction-scoped advisory lock every write that puts time
 * on a clinician's calendar queues on (racing exclusion-constraint inserts otherwise form deadlock
 * chains, FACTS) and answers its argument, so a single INSERT can take the lock while it computes
 * its own `clinician_id` value: `INSERT ... VALUES (..., booking_lock($3), ...)`. The lock is
 * granted before the row is checked against the exclusion constraint and held to the end of the
 * (implicit) transaction: a booking needs no BEGIN/COMMIT round trips. The repository's lock
 * statement and `booking_lock_calendar()` use it too, so the key cannot drift apart.
 */
export class BookingLock1764000001500 implements MigrationInterface {
  name = 'BookingLock1764000001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION booking_lock(p_clinician uuid) RETURNS uuid LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('appointments:' || p_clinician::text, 0));
        RETURN p_clinician;
      END
      $$`);
    await q.query(lockCalendar('PERFORM booking_lock(p_clinician);'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      lockCalendar(
        `PERFORM pg_advisory_xact_lock(hashtextextended('appointments:' || p_clinician::text, 0));`,
      ),
    );
    await q.query(`DROP FUNCTION booking_lock(uuid)`);
  }
}

/** `booking_lock_calendar()` of migration 1764000001100 with `lock` as its first statement. */
function lockCalendar(lock: string): string {
  return `
    CREATE OR REPLACE FUNCTION booking_lock_calendar(p_clinician uuid, p_from timestamptz, p_to timestamptz,
                                                     p_now timestamptz, p_except uuid, p_time_off_since timestamptz)
    RETURNS TABLE (schedule json, busy text, due_holds boolean) LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
      ${lock}
      RETURN QUERY SELECT * FROM booking_calendar(p_clinician, p_from, p_to, p_now, p_except, p_time_off_since);
    END
    $$`;
}
