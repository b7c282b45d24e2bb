import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version per clinician schedule, so a booking may judge a schedule it read earlier and still
 * be refused when it changed (docs/scheduling.md, "Booking under load").
 *
 * Clinicians context: `clinician_schedule_versions` counts every change of what
 * `clinician_schedules_json()` answers (the clinician row, their rules, time off and centres, and
 * the zone or state of those centres), bumped by triggers in the changing transaction;
 * `clinician_schedule_version(id)` reads it (0 before the first change) and
 * `clinician_schedules_json()` answers it as `schedule_version`, read in the same snapshot as
 * the schedule.
 *
 * Booking: `booking_lock(clinician, schedule_version)` is `booking_lock(clinician)` that then
 * fails with SQLSTATE CB001 when the schedule is no longer at that version (read after the lock,
 * with a fresh snapshot): the INSERT that books on a remembered schedule fails instead of
 * booking on a stale one.
 */
export class ScheduleVersion1764000001700 implements MigrationInterface {
  name = 'ScheduleVersion1764000001700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clinician_schedule_versions (
        clinician_id uuid PRIMARY KEY REFERENCES clinicians(id) ON DELETE CASCADE,
        version bigint NOT NULL CHECK (version > 0)
      )`);
    await q.query(`
      CREATE FUNCTION clinician_schedule_version(p_clinician uuid) RETURNS bigint LANGUAGE sql STABLE AS $$
        SELECT COALESCE((SELECT version FROM clinician_schedule_versions WHERE clinician_id = p_clinician), 0)
      $$`);
    // EXISTS: a clinician being deleted (rules cascade with it) has nothing left to version.
    await q.query(`
      CREATE FUNCTION clinician_schedule_bump(p_clinician uuid) RETURNS void LANGUAGE sql VOLATILE AS $$
        INSERT INTO clinician_schedule_versions (clinician_id, version)
        SELECT p_clinician, 1 WHERE EXISTS (SELECT 1 FROM clinicians WHERE id = p_clinician)
        ON CONFLICT (clinician_id) DO UPDATE SET version = clinician_schedule_versions.version + 1
      $$`);
    await q.query(`
      CREATE FUNCTION carebook_schedule_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'clinicians' THEN
          PERFORM clinician_schedule_bump(NEW.id);
        ELSIF TG_TABLE_NAME = 'centres' THEN
          PERFORM clinician_schedule_bump(cc.clinician_id) FROM clinician_centres cc WHERE cc.centre_id = NEW.id;
        ELSE
          IF TG_OP <> 'INSERT' THEN PERFORM clinician_schedule_bump(OLD.clinician_id); END IF;
          IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.clinician_id <> OLD.clinician_id) THEN
            PERFORM clinician_schedule_bump(NEW.clinician_id);
          END IF;
        END IF;
        RETURN NULL;
      END
      $$`);
    for (const table of ['availability_rules', 'clinician_time_off', 'clinician_centres']) {
      await q.query(`
        CREATE TRIGGER "TRG_${table}_schedule_version" AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION carebook_schedule_changed()`);
    }
    await q.query(`
      CREATE TRIGGER "TRG_clinicians_schedule_version" AFTER UPDATE ON clinicians
      FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION carebook_schedule_changed()`);
    await q.query(`
      CREATE TRIGGER "TRG_centres_schedule_version" AFTER UPDATE ON centres
      FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone OR OLD.is_active IS DISTINCT FROM NEW.is_active
                         OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
      EXECUTE FUNCTION carebook_schedule_changed()`);
    await q.query(schedulesJson(`'schedule_version', clinician_schedule_version(c.id),`));
    await q.query(`
      CREATE FUNCTION booking_lock(p_clinician uuid, p_schedule_version bigint) RETURNS uuid
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM booking_lock(p_clinician);
        IF clinician_schedule_version(p_clinician) <> p_schedule_version THEN
          RAISE EXCEPTION 'the schedule of clinician % changed', p_clinician USING ERRCODE = 'CB001';
        END IF;
        RETURN p_clinician;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION booking_lock(uuid, bigint)`);
    await q.query(schedulesJson(''));
    for (const table of [
      'availability_rules',
      'clinician_time_off',
      'clinician_centres',
      'clinicians',
      'centres',
    ]) {
      await q.query(`DROP TRIGGER "TRG_${table}_schedule_version" ON ${table}`);
    }
    await q.query(`DROP FUNCTION carebook_schedule_changed()`);
    await q.query(`DROP FUNCTION clinician_schedule_bump(uuid)`);
    await q.query(`DROP FUNCTION clinician_schedule_version(uuid)`);
    await q.query(`DROP TABLE clinician_schedule_versions`);
  }
}

/**
 * `clinician_schedules_json()` of migration 1764000001100 with `extra` keys after `daily_cap`
 * (this migration adds `schedule_version`; its down leaves them out again).
 */
function schedulesJson(extra: string): string {
  return `
      CREATE OR REPLACE FUNCTION clinician_schedules_json(p_ids uuid[], p_time_off_since timestamptz)
      RETURNS SETOF json LANGUAGE sql STABLE AS $$
        SELECT json_build_object(
                 'id', c.id, 'user_id', c.user_id, 'is_active', c.is_active,
                 'fee_amount', c.fee_amount, 'fee_currency', c.fee_currency,
                 'consultation_duration_minutes', c.consultation_duration_minutes,
                 'buffer_before_minutes', c.buffer_before_minutes, 'buffer_after_minutes', c.buffer_after_minutes,
                 'min_notice_minutes', c.min_notice_minutes, 'horizon_days', c.horizon_days, 'daily_cap', c.daily_cap,
                 ${extra}
                 'centres', COALESCE((
                    SELECT json_agg(json_build_object('centreId', cc.centre_id, 'timeZone', ce.time_zone)
                                    ORDER BY cc.centre_id)
                      FROM clinician_centres cc JOIN centres ce ON ce.id = cc.centre_id
                     WHERE cc.clinician_id = c.id AND ce.deleted_at IS NULL AND ce.is_active), '[]'),
                 'rules', COALESCE((
                    SELECT json_agg(json_build_object(
                             'dayOfWeek', r.day_of_week, 'startMinute', r.start_minute, 'endMinute', r.end_minute,
                             'centreId', r.centre_id, 'sessionType', r.session_type, 'timeZone', ce.time_zone)
                                    ORDER BY r.day_of_week, r.start_minute)
                      FROM availability_rules r JOIN centres ce ON ce.id = r.centre_id
                     WHERE r.clinician_id = c.id AND ce.deleted_at IS NULL AND ce.is_active), '[]'),
                 'time_off', COALESCE((
                    SELECT json_agg(json_build_object('startsAt', lower(t.during), 'endsAt', upper(t.during))
                                    ORDER BY lower(t.during))
                      FROM clinician_time_off t
                     WHERE t.clinician_id = c.id AND t.during && tstzrange(p_time_off_since, NULL)), '[]'))
          FROM clinicians c
         WHERE c.id = ANY(p_ids) AND c.deleted_at IS NULL
      $$`;
}
