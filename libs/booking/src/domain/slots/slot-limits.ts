import { DAY_MS, MINUTE_MS } from './zone-offsets';
import { localDateOf, parseLocalDate } from './local-time';
import type { SlotQuery } from './slot.types';

/** The schedule's numbers in ms, plus the bookings counted against the daily cap. */
export interface SlotLimits {
  slotMs: number;
  bufferBeforeMs: number;
  bufferAfterMs: number;
  /** A slot may start at or after this instant (`now + minNotice`)... */
  earliestStart: number;
  /** ...and strictly before this one (`now + horizonDays * 24 h`, absolute time). */
  horizonEnd: number;
  dailyCap: number | null;
  /** Local day number -> live bookings that day, summed over the clinician's centres. */
  bookedByDay: Map<number, number>;
}

function assertCount(value: number, name: string, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

/**
 * Validates the schedule's numbers (RangeError: bad input is the caller's bug, not a slot
 * that silently disappears) and converts them once.
 *
 * Daily cap: it limits the clinician, so it counts their bookings on a local date at every
 * centre: `bookedPerLocalDay` entries of all centres with the same date are summed, and a
 * date at or over the cap offers no slot at any centre. Each entry's date is local to its own
 * centre (see `bookedDayKey`) and a slot's date is its rule's local date; the two calendars
 * coincide when the clinician's centres share a zone, the usual case.
 */
export function slotLimits(query: SlotQuery): SlotLimits {
  const { schedule: s, now } = query;
  assertCount(s.slotMinutes, 'slotMinutes', 1);
  assertCount(s.bufferBeforeMinutes, 'bufferBeforeMinutes', 0);
  assertCount(s.bufferAfterMinutes, 'bufferAfterMinutes', 0);
  assertCount(s.minNoticeMinutes, 'minNoticeMinutes', 0);
  assertCount(s.horizonDays, 'horizonDays', 0);
  if (s.dailyCap !== null) assertCount(s.dailyCap, 'dailyCap', 0);
  if (!Number.isFinite(now)) throw new RangeError(`now must be ms epoch, got ${now}`);

  const bookedByDay = new Map<number, number>();
  if (s.dailyCap !== null && query.bookedPerLocalDay) {
    for (const [key, count] of query.bookedPerLocalDay) {
      const day = parseLocalDate(key.slice(key.lastIndexOf('|') + 1));
      bookedByDay.set(day, (bookedByDay.get(day) ?? 0) + count);
    }
  }
  return {
    slotMs: s.slotMinutes * MINUTE_MS,
    bufferBeforeMs: s.bufferBeforeMinutes * MINUTE_MS,
    bufferAfterMs: s.bufferAfterMinutes * MINUTE_MS,
    earliestStart: now + s.minNoticeMinutes * MINUTE_MS,
    horizonEnd: now + s.horizonDays * DAY_MS,
    dailyCap: s.dailyCap,
    bookedByDay,
  };
}

/** True when local day `day` already holds `dailyCap` bookings (or more). */
export function capReached(limits: SlotLimits, day: number): boolean {
  return limits.dailyCap !== null && (limits.bookedByDay.get(day) ?? 0) >= limits.dailyCap;
}

/**
 * The `bookedPerLocalDay` key of a live booking starting at `startsAt` at a centre in
 * `timeZone`: `${centreId}|YYYY-MM-DD`, the date local to that centre.
 */
export function bookedDayKey(centreId: string, startsAt: number, timeZone: string): string {
  return `${centreId}|${localDateOf(startsAt, timeZone)}`;
}
