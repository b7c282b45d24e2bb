import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One round trip for a clinician's calendar (docs/scheduling.md, "Reading a calendar").
 *
 * - `clinician_schedules_json(ids, time_off_since)`: owned by the clinicians context, which
 *   answers `GetClinicianSchedule(s)` with it; one JSON object per known, not deleted clinician
 *   (settings, centres, rules with their centre's zone, time off). Other contexts may call it in
 *   their own SQL instead of reading the clinicians' tables, and decode it with the clinicians
 *   context's `scheduleFromJson`.
 * - `booking_calendar(...)`: owned by booking (plpgsql so that each connection plans it once
 *   instead of on every call, about half a millisecond); the schedule above beside the clinician's live
 *   blocked ranges and whether any of their holds is due to expire. The ranges come as one text,
 *   `blockedStart,blockedEnd` (epoch ms; plus `,startsAt,centreId` when the clinician has a daily
 *   cap, which counts bookings per local day) joined by `;`, in blocked order: for 500 bookings
 *   that is several times cheaper to build than JSON (uuids as JSON strings, numeric `extract`)
 *   and cheap to split.
 * - `booking_lock_calendar(...)`: the same, after `pg_advisory_xact_lock` on the clinician. It is
 *   VOLATILE plpgsql, so the read takes a fresh snapshot after the lock is granted and sees
 *   everything the previous holder committed.
 */
export class SlotRead1764000001100 implements MigrationInterface {
  name = 'SlotRead1764000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION clinician_schedules_json(p_ids uuid[], p_time_off_since timestamptz)
      RETURNS SETOF json LANGUAGE sql STABLE AS $$
        SELECT json_build_object(
                 'id', c.id, 'user_id', c.user_id, 'is_active', c.is_active,
                 'fee_amount', c.fee_amount, 'fee_currency', c.fee_currency,
                 'consultation_duration_minutes', c.consultation_duration_minutes,
                 'buffer_before_minutes', c.buffer_before_minutes, 'buffer_after_minutes', c.buffer_after_minutes,
                 'min_notice_minutes', c.min_notice_minutes, 'horizon_days', c.horizon_days, 'daily_cap', c.daily_cap,
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
      $$`);
    await q.query(`
      CREATE FUNCTION booking_calendar(p_clinician uuid, p_from timestamptz, p_to timestamptz, p_now timestamptz,
                                       p_except uuid, p_time_off_since timestamptz)
      RETURNS TABLE (schedule json, busy text, due_holds boolean) LANGUAGE plpgsql STABLE AS $$
      DECLARE
        v_schedule json := (SELECT s FROM clinician_schedules_json(ARRAY[p_clinician], p_time_off_since) s);
        -- Only a daily cap counts bookings per local day, which needs each one's start and centre.
        v_per_day boolean := (v_schedule->>'daily_cap') IS NOT NULL;
      BEGIN
        RETURN QUERY
        SELECT v_schedule,
               COALESCE((
                 SELECT string_agg(CASE WHEN v_per_day
                          THEN concat_ws(',',
                                 (date_part('epoch', lower(a.blocked)) * 1000)::bigint,
                                 (date_part('epoch', upper(a.blocked)) * 1000)::bigint,
                                 (date_part('epoch', a.starts_at) * 1000)::bigint,
                                 a.centre_id)
                          ELSE concat_ws(',',
                                 (date_part('epoch', lower(a.blocked)) * 1000)::bigint,
                                 (date_part('epoch', upper(a.blocked)) * 1000)::bigint)
                          END, ';' ORDER BY lower(a.blocked))
                   FROM appointments a
                  WHERE a.clinician_id = p_clinician
                    AND a.blocked && tstzrange(p_from, p_to, '[)')
                    AND a.status <> 'CANCELLED'
                    AND (a.status <> 'PENDING' OR a.hold_expires_at > p_now)
                    AND (p_except IS NULL OR a.id <> p_except)), ''),
               EXISTS (SELECT 1 FROM appointments a
                        WHERE a.clinician_id = p_clinician AND a.status = 'PENDING' AND a.hold_expires_at <= p_now);
      END
      $$`);
    await q.query(`
      CREATE FUNCTION booking_lock_calendar(p_clinician uuid, p_from timestamptz, p_to timestamptz, p_now timestamptz,
                                            p_except uuid, p_time_off_since timestamptz)
      RETURNS TABLE (schedule json, busy text, due_holds boolean) LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('appointments:' || p_clinician::text, 0));
        RETURN QUERY SELECT * FROM booking_calendar(p_clinician, p_from, p_to, p_now, p_except, p_time_off_since);
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION booking_lock_calendar(uuid, timestamptz, timestamptz, timestamptz, uuid, timestamptz)`,
    );
    await q.query(
      `DROP FUNCTION booking_calendar(uuid, timestamptz, timestamptz, timestamptz, uuid, timestamptz)`,
    );
    await q.query(`DROP FUNCTION clinician_schedules_json(uuid[], timestamptz)`);
  }
}
