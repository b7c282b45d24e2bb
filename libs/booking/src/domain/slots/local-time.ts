import { DateTime } from 'luxon';
import { DAY_MS, MINUTE_MS, offsetSpansAround, steadyOffsetAround } from './zone-offsets';

// Local dates are handled as day numbers (days since 1970-01-01): a calendar date means the
// same Y-M-D in every zone, so plain UTC arithmetic on it is exact and cheap.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** `YYYY-MM-DD` -> day number; throws RangeError on anything else (e.g. `2026-02-30`). */
export function parseLocalDate(date: string): number {
  const m = DATE_RE.exec(date);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2026-02-30 over to 2026-03-02 (and reads year 0026 as 1926): compare back.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() + 1 !== mo || back.getUTCDate() !== d) {
    throw new RangeError(`Expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  return ms / DAY_MS;
}

/** Day number -> `YYYY-MM-DD`. */
export function formatLocalDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number -> 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `HH:mm` (or `24:00`, the end of the day) -> minutes since local midnight. */
export function parseWallTime(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Expected a time HH:mm, got ${JSON.stringify(time)}`);
  return m[1] === undefined ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The instant of wall time `minuteOfDay` on local date `day` in `timeZone`:
 * - a time that does not exist (spring-forward gap) -> the first instant after the gap;
 * - an ambiguous time (fall-back overlap) -> the earlier of its two instants.
 * This is the earliest instant whose wall clock reads at or after the requested time, which
 * is also monotonic in the wall time, so intervals never invert.
 *
 * Why not `DateTime.fromObject(.., { zone })` alone: luxon 3.7 moves a gap time forward by
 * the gap's length (London 01:30 on 2026-03-29 -> 02:30 BST, not 02:00), and picks between
 * the two instants of an overlap using the offset in force *now* (`Settings.now`), so the
 * same input answers differently in July and in November.
 */
export function localToUtc(timeZone: string, day: number, minuteOfDay: number): number {
  const wall = day * DAY_MS + minuteOfDay * MINUTE_MS;
  const wallDay = Math.floor(wall / DAY_MS);
  const steady = steadyOffsetAround(timeZone, wallDay);
  if (steady !== null) return wall - steady;
  let best = Infinity;
  for (const span of offsetSpansAround(timeZone, wallDay)) {
    // Within one span the wall clock runs with real time; the first instant of the span
    // reading >= `wall` is wall - offset, or the span's start when that falls before it.
    const at = Math.max(span.from, wall - span.offsetMs);
    if (at < span.to && at < best) best = at;
  }
  return best;
}

/** The local date (`YYYY-MM-DD`) of instant `ms` in `timeZone`. */
export function localDateOf(ms: number, timeZone: string): string {
  const date = DateTime.fromMillis(ms, { zone: timeZone }).toISODate();
  if (date === null) throw new RangeError(`Cannot place ${ms} in time zone ${timeZone}`);
  return date;
}
