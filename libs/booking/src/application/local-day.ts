import { DateTime } from 'luxon';

/** `[start, end)` of local date `date` (YYYY-MM-DD) in `zone`: 23, 24 or 25 hours. */
export function dayBounds(date: string, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

/** Today's local date in `zone` at `now`. */
export function localDateAt(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

/**
 * A list filter bound: an instant as given, or a local date at the start of that day (`from`)
 * or the end of it (`to`, so the whole day is included) in `zone`.
 */
export function boundOf(
  value: string | undefined,
  side: 'from' | 'to',
  zone: string,
): Date | undefined {
  if (value === undefined) return undefined;
  if (value.length > 10) return new Date(value);
  const { start, end } = dayBounds(value, zone);
  return side === 'from' ? start : end;
}

/** Whole days from local date `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
