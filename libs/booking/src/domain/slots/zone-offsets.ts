import { IANAZone } from 'luxon';

/** One UTC day in ms. */
export const DAY_MS = 86_400_000;
/** One minute in ms. */
export const MINUTE_MS = 60_000;

/** A stretch of time with one UTC offset: `[from, to)` in ms epoch, offset in ms. */
export interface OffsetSpan {
  from: number;
  to: number;
  offsetMs: number;
}

interface ZoneMemo {
  zone: IANAZone;
  /** UTC day number -> offset (minutes) in force at that day's 00:00Z. */
  midnights: Map<number, number>;
  /** UTC day number -> first instant of that day with a different offset than its 00:00Z. */
  transitions: Map<number, number>;
}

// Offsets depend only on the tz database, fixed for the life of the process, so they are
// memoised: luxon's `IANAZone.offset` goes through `Intl.formatToParts` (~14 us a call here),
// which would otherwise dominate a 31-day computation. Bounded so odd inputs cannot grow it.
const memos = new Map<string, ZoneMemo>();
const MAX_DAYS_PER_ZONE = 50_000;
const MAX_ZONES = 1_000;

function memoFor(timeZone: string): ZoneMemo {
  let memo = memos.get(timeZone);
  if (memo) return memo;
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`Unknown IANA time zone: ${timeZone}`);
  if (memos.size >= MAX_ZONES) memos.clear();
  memo = { zone, midnights: new Map(), transitions: new Map() };
  memos.set(timeZone, memo);
  return memo;
}

function midnightOffset(memo: ZoneMemo, day: number): number {
  let offset = memo.midnights.get(day);
  if (offset === undefined) {
    if (memo.midnights.size >= MAX_DAYS_PER_ZONE) memo.midnights.clear();
    offset = memo.zone.offset(day * DAY_MS);
    memo.midnights.set(day, offset);
  }
  return offset;
}

/**
 * The instant the offset changes inside UTC day `day` (whose two midnights differ), found
 * by bisection to the second: tz database transitions fall on whole seconds.
 */
function transitionIn(memo: ZoneMemo, day: number): number {
  const known = memo.transitions.get(day);
  if (known !== undefined) return known;
  const before = midnightOffset(memo, day);
  let lo = day * DAY_MS;
  let hi = lo + DAY_MS;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (memo.zone.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  if (memo.transitions.size >= MAX_DAYS_PER_ZONE) memo.transitions.clear();
  memo.transitions.set(day, hi);
  return hi;
}

/**
 * The offsets in force around UTC day `day`: every instant that a wall time on that day can
 * denote (offsets are within -12 h..+14 h) lies in `[day - 1, day + 2)`. A single span means
 * no transition nearby (the fast path). Assumes at most one transition per UTC day, true of
 * every zone in the tz database since 1970.
 */
export function offsetSpansAround(timeZone: string, day: number): OffsetSpan[] {
  const memo = memoFor(timeZone);
  const spans: OffsetSpan[] = [];
  let from = -Infinity;
  let offset = midnightOffset(memo, day - 1);
  for (let d = day - 1; d <= day + 1; d++) {
    const next = midnightOffset(memo, d + 1);
    if (next === offset) continue;
    const at = transitionIn(memo, d);
    spans.push({ from, to: at, offsetMs: offset * MINUTE_MS });
    from = at;
    offset = next;
  }
  spans.push({ from, to: Infinity, offsetMs: offset * MINUTE_MS });
  return spans;
}

/**
 * The one offset (ms) in force around UTC day `day`, or null when a transition is near.
 * Same answer as `offsetSpansAround` without allocating, for the common case.
 */
export function steadyOffsetAround(timeZone: string, day: number): number | null {
  const memo = memoFor(timeZone);
  const offset = midnightOffset(memo, day - 1);
  if (
    midnightOffset(memo, day) !== offset ||
    midnightOffset(memo, day + 1) !== offset ||
    midnightOffset(memo, day + 2) !== offset
  ) {
    return null;
  }
  return offset * MINUTE_MS;
}

/** Throws RangeError unless `timeZone` is an IANA zone luxon knows. */
export function assertTimeZone(timeZone: string): void {
  memoFor(timeZone);
}

/** Forgets memoised offsets (benchmarks measure a cold start with it). */
export function clearZoneOffsetMemo(): void {
  memos.clear();
}
