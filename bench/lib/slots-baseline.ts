/**
 * The baseline of bench:slots: one raw SQL query for a clinician's settings, rules (with their
 * centre's zone), time off and live blocked ranges, then the slot engine's JS walk.
 */
import type { Client } from 'pg';
// The baseline needs the engine itself, which no barrel exports (it is booking's domain); a
// measuring tool may reach in, read-only.
import { computeFreeSlots } from '@carebook/booking';

export { computeFreeSlots };

/** Settings, rules (with their centre's zone), time off and live blocked ranges: one round trip. */
const BASELINE_SQL = `
  SELECT c.consultation_duration_minutes AS slot, c.buffer_before_minutes AS bb, c.buffer_after_minutes AS ba,
         c.min_notice_minutes AS notice, c.horizon_days AS horizon, c.daily_cap AS cap,
         (SELECT json_agg(json_build_array(r.day_of_week, r.start_minute, r.end_minute, r.centre_id, r.session_type, ce.time_zone))
            FROM availability_rules r JOIN centres ce ON ce.id = r.centre_id
           WHERE r.clinician_id = c.id AND ce.is_active AND ce.deleted_at IS NULL) AS rules,
         (SELECT json_agg(json_build_array(lower(t.during), upper(t.during))) FROM clinician_time_off t
           WHERE t.clinician_id = c.id AND upper(t.during) > $2) AS time_off,
         (SELECT json_agg(json_build_array(extract(epoch FROM lower(a.blocked)) * 1000, extract(epoch FROM upper(a.blocked)) * 1000)
                          ORDER BY lower(a.blocked))
            FROM appointments a
           WHERE a.clinician_id = c.id AND a.blocked && tstzrange($2, $3) AND a.status <> 'CANCELLED'
             AND (a.status <> 'PENDING' OR a.hold_expires_at > now())) AS busy
    FROM clinicians c WHERE c.id = $1 AND c.is_active AND c.deleted_at IS NULL`;

interface BaselineRow {
  slot: number;
  bb: number;
  ba: number;
  notice: number;
  horizon: number;
  cap: number | null;
  rules: Array<[number, number, number, string, 'IN_PERSON' | 'ONLINE', string]>;
  time_off: Array<[string, string]> | null;
  busy: Array<[number, number]> | null;
}

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export async function baseline(c: Client, clinicianId: string, from: string, to: string) {
  const lo = new Date(Date.parse(`${from}T00:00:00Z`) - 2 * 86_400_000);
  const hi = new Date(Date.parse(`${to}T00:00:00Z`) + 3 * 86_400_000);
  const {
    rows: [r],
  } = await c.query<BaselineRow>(BASELINE_SQL, [clinicianId, lo, hi]);
  const schedule = {
    slotMinutes: r.slot,
    bufferBeforeMinutes: r.bb,
    bufferAfterMinutes: r.ba,
    minNoticeMinutes: r.notice,
    horizonDays: r.horizon,
    dailyCap: r.cap,
    rules: r.rules.map(([dayOfWeek, s, e, centreId, sessionType, timeZone]) => ({
      dayOfWeek,
      startTime: hhmm(s),
      endTime: hhmm(e),
      centreId,
      sessionType,
      timeZone,
    })),
    timeOff: (r.time_off ?? []).map(([startsAt, endsAt]) => ({ startsAt, endsAt })),
  };
  const busy = (r.busy ?? []).map(([start, end]) => ({ start, end }));
  return { schedule, busy, slots: computeFreeSlots({ schedule, busy, from, to, now: Date.now() }) };
}
