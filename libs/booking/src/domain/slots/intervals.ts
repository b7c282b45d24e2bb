import { MINUTE_MS } from './zone-offsets';
import type { SlotSchedule, TimeRange } from './slot.types';

/**
 * The range a booking occupies on the clinician's calendar, `[start - before, end + after)`:
 * what `appointments.blocked` stores and the exclusion constraint compares, so the engine and
 * the database agree on what "overlap" means.
 */
export function blockedRange(
  startMs: number,
  endMs: number,
  bufferBeforeMinutes: number,
  bufferAfterMinutes: number,
): TimeRange {
  return {
    start: startMs - bufferBeforeMinutes * MINUTE_MS,
    end: endMs + bufferAfterMinutes * MINUTE_MS,
  };
}

/** True when half-open ranges `[aStart, aEnd)` and `[bStart, bEnd)` share an instant. */
export function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

/** The schedule's time off as ms ranges; a value that is not a date throws rather than frees time. */
export function timeOffRanges(timeOff: SlotSchedule['timeOff']): TimeRange[] {
  return timeOff.map(({ startsAt, endsAt }) => {
    const start = typeof startsAt === 'number' ? startsAt : Date.parse(startsAt);
    const end = typeof endsAt === 'number' ? endsAt : Date.parse(endsAt);
    if (Number.isNaN(start) || Number.isNaN(end)) {
      throw new RangeError(`Time off ${String(startsAt)} .. ${String(endsAt)} is not a date range`);
    }
    return { start, end };
  });
}

/**
 * A sorted, disjoint union of ranges as parallel arrays: ends are then sorted too, so a walk
 * can binary-search its starting point and move forward only.
 */
export interface MergedRanges {
  starts: number[];
  ends: number[];
}

/** Non-empty ranges of `list`, by start; no sort when already in order (ORDER BY start). */
function ordered(list: readonly TimeRange[]): readonly TimeRange[] {
  let sorted = true;
  let empty = false;
  for (let i = 0; i < list.length; i++) {
    if (!(list[i].end > list[i].start)) empty = true;
    else if (i > 0 && list[i].start < list[i - 1].start) sorted = false;
  }
  const kept = empty ? list.filter((r) => r.end > r.start) : list;
  return sorted ? kept : [...kept].sort((a, b) => a.start - b.start);
}

/**
 * The union of two lists of ranges (busy ranges and time off), merged in one pass after
 * ordering each (concatenating then sorting would re-sort the long, already sorted busy
 * list). Empty ranges are dropped; touching ranges merge too, which for half-open ranges
 * changes no overlap answer.
 */
export function mergeRanges(a: readonly TimeRange[], b: readonly TimeRange[] = []): MergedRanges {
  const x = ordered(a);
  const y = ordered(b);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0, j = 0; i < x.length || j < y.length;) {
    const r = j >= y.length || (i < x.length && x[i].start <= y[j].start) ? x[i++] : y[j++];
    const last = ends.length - 1;
    if (last >= 0 && r.start <= ends[last]) {
      if (r.end > ends[last]) ends[last] = r.end;
    } else {
      starts.push(r.start);
      ends.push(r.end);
    }
  }
  return { starts, ends };
}

/** Throws RangeError when a range has a NaN bound: silently skipping it would free busy time. */
export function assertRanges(list: readonly TimeRange[], what: string): void {
  for (const r of list) {
    const bad = typeof r.start !== 'number' || typeof r.end !== 'number';
    if (bad || Number.isNaN(r.start) || Number.isNaN(r.end)) {
      throw new RangeError(
        `${what} range ${String(r.start)} .. ${String(r.end)} is not in ms epoch`,
      );
    }
  }
}

/** Index of the first merged range ending after `t` (ranges.ends.length when none). */
export function firstEndingAfter(ranges: MergedRanges, t: number): number {
  const { ends } = ranges;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when `[start, end)` overlaps any of the ranges: a linear scan, for checking one slot. */
export function overlapsAny(
  lists: ReadonlyArray<readonly TimeRange[]>,
  start: number,
  end: number,
): boolean {
  return lists.some((list) => list.some((r) => overlaps(start, end, r.start, r.end)));
}
