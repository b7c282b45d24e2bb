import { isCalendarDate } from '../../dto/message-query-validators';

/**
 * One end of a period as SQL parameters: an instant as it is, or a date (`YYYY-MM-DD`) that
 * the statement turns into midnight in its zone. `to` dates include their whole day.
 */
export function periodEnd(value: string | undefined): {
  instant: string | null;
  date: string | null;
} {
  if (value === undefined) return { instant: null, date: null };
  return isCalendarDate(value) ? { instant: null, date: value } : { instant: value, date: null };
}

/** SQL for a lower bound from `$instant`, `$date` and `$zone` parameter numbers (null: open). */
export function lowerBoundSql(instant: number, date: number, zone: string): string {
  return `COALESCE($${instant}::timestamptz, ($${date}::date::timestamp AT TIME ZONE ${zone}))`;
}

/** SQL for an exclusive upper bound: a date means the start of the next day. */
export function upperBoundSql(instant: number, date: number, zone: string): string {
  return `COALESCE($${instant}::timestamptz, (($${date}::date + 1)::timestamp AT TIME ZONE ${zone}))`;
}
