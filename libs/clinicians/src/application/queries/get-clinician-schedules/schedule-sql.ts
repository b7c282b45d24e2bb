import type { EntityManager } from 'typeorm';
import type { SessionType } from '../../../domain/session-type';
import { formatTimeOfDay } from '../../../domain/time-of-day';
import type { ClinicianSchedule } from '../get-clinician-schedule/clinician-schedule';

/** Time off that ended more than a day ago cannot affect a slot anyone can still book. */
export const TIME_OFF_LOOKBACK_MS = 86_400_000;

interface ScheduleRow {
  id: string;
  user_id: string;
  is_active: boolean;
  fee_amount: number;
  fee_currency: string;
  consultation_duration_minutes: number;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  min_notice_minutes: number;
  horizon_days: number;
  daily_cap: number | null;
  centres: Array<{ centreId: string; timeZone: string }>;
  rules: Array<{
    dayOfWeek: number;
    startMinute: number;
    endMinute: number;
    centreId: string;
    sessionType: SessionType;
    timeZone: string;
  }>;
  time_off: Array<{ startsAt: string; endsAt: string }>;
}

/**
 * One round trip for any number of clinicians: rules, centres and time off are aggregated per
 * clinician with `json_agg`. A centre's zone is read from `centres` (read side only); rules at
 * inactive or deleted centres take no bookings and are left out.
 */
const SCHEDULES_SQL = `
  SELECT c.id, c.user_id, c.is_active, c.fee_amount, c.fee_currency, c.consultation_duration_minutes,
         c.buffer_before_minutes, c.buffer_after_minutes, c.min_notice_minutes, c.horizon_days, c.daily_cap,
         COALESCE((SELECT json_agg(json_build_object('centreId', cc.centre_id, 'timeZone', ce.time_zone)
                                   ORDER BY cc.centre_id)
                     FROM clinician_centres cc JOIN centres ce ON ce.id = cc.centre_id
                    WHERE cc.clinician_id = c.id AND ce.deleted_at IS NULL AND ce.is_active), '[]') AS centres,
         COALESCE((SELECT json_agg(json_build_object(
                            'dayOfWeek', r.day_of_week, 'startMinute', r.start_minute, 'endMinute', r.end_minute,
                            'centreId', r.centre_id, 'sessionType', r.session_type, 'timeZone', ce.time_zone)
                                   ORDER BY r.day_of_week, r.start_minute)
                     FROM availability_rules r JOIN centres ce ON ce.id = r.centre_id
                    WHERE r.clinician_id = c.id AND ce.deleted_at IS NULL AND ce.is_active), '[]') AS rules,
         COALESCE((SELECT json_agg(json_build_object('startsAt', lower(t.during), 'endsAt', upper(t.during))
                                   ORDER BY lower(t.during))
                     FROM clinician_time_off t
                    WHERE t.clinician_id = c.id AND t.during && tstzrange($2, NULL)), '[]') AS time_off
    FROM clinicians c
   WHERE c.id = ANY($1::uuid[]) AND c.deleted_at IS NULL`;

/** Schedules of the given (UUID) ids, in their order, without unknown or deleted clinicians. */
export async function loadSchedules(
  manager: EntityManager,
  ids: readonly string[],
  timeOffSince: Date,
): Promise<ClinicianSchedule[]> {
  if (!ids.length) return [];
  const rows: ScheduleRow[] = await manager.query(SCHEDULES_SQL, [ids, timeOffSince]);
  const byId = new Map(rows.map((row) => [row.id, toSchedule(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function toSchedule(row: ScheduleRow): ClinicianSchedule {
  return {
    clinicianId: row.id,
    userId: row.user_id,
    isActive: row.is_active,
    fee: { amount: row.fee_amount, currency: row.fee_currency },
    slotMinutes: row.consultation_duration_minutes,
    bufferBeforeMinutes: row.buffer_before_minutes,
    bufferAfterMinutes: row.buffer_after_minutes,
    minNoticeMinutes: row.min_notice_minutes,
    horizonDays: row.horizon_days,
    dailyCap: row.daily_cap,
    centres: row.centres,
    rules: row.rules.map(({ startMinute, endMinute, ...rule }) => ({
      dayOfWeek: rule.dayOfWeek,
      startTime: formatTimeOfDay(startMinute),
      endTime: formatTimeOfDay(endMinute),
      centreId: rule.centreId,
      sessionType: rule.sessionType,
      timeZone: rule.timeZone,
    })),
    timeOff: row.time_off.map((t) => ({
      startsAt: new Date(t.startsAt).toISOString(),
      endsAt: new Date(t.endsAt).toISOString(),
    })),
  };
}
