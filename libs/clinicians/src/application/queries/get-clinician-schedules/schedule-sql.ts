import type { EntityManager } from 'typeorm';
import type { SessionType } from '../../../domain/session-type';
import { formatTimeOfDay } from '../../../domain/time-of-day';
import type { ClinicianSchedule } from '../get-clinician-schedule/clinician-schedule';

/** Time off that ended more than a day ago cannot affect a slot anyone can still book. */
export const TIME_OFF_LOOKBACK_MS = 86_400_000;

/**
 * A schedule as `clinician_schedules_json` answers it (migrations/1764000001100-slot-read.ts):
 * one JSON object per clinician, decoded with `scheduleFromJson`.
 */
export interface ScheduleJson {
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
  /**
   * Counts changes of everything here (migrations/1764000001700-schedule-version.ts): a schedule
   * remembered at this version is still current while `clinician_schedule_version(id)` answers it.
   */
  schedule_version: number;
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
 * One round trip for any number of clinicians. The SQL lives in the database function
 * `clinician_schedules_json(ids, time_off_since)` (this context's, created by migration
 * 1764000001100-slot-read), so that booking can read a schedule in the same statement as its
 * own appointments without reading this context's tables: rules, centres and time off are
 * aggregated per clinician with `json_agg`; a centre's zone is read from `centres` (read side
 * only); rules at inactive or deleted centres take no bookings and are left out; time off
 * that ended before `time_off_since` is left out.
 */
const SCHEDULES_SQL = `SELECT s AS schedule FROM clinician_schedules_json($1::uuid[], $2) s`;

/** Schedules of the given (UUID) ids, in their order, without unknown or deleted clinicians. */
export async function loadSchedules(
  manager: EntityManager,
  ids: readonly string[],
  timeOffSince: Date,
): Promise<ClinicianSchedule[]> {
  if (!ids.length) return [];
  const rows: Array<{ schedule: ScheduleJson }> = await manager.query(SCHEDULES_SQL, [
    ids,
    timeOffSince,
  ]);
  const byId = new Map(rows.map(({ schedule }) => [schedule.id, scheduleFromJson(schedule)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A `clinician_schedules_json` object as the schedule `GetClinicianSchedule` answers. */
export function scheduleFromJson(row: ScheduleJson): ClinicianSchedule {
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
