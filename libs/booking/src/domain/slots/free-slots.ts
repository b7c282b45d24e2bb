import { assertRanges, firstEndingAfter, mergeRanges, timeOffRanges } from './intervals';
import type { MergedRanges } from './intervals';
import { parseLocalDate } from './local-time';
import { compileRules, ruleWindows } from './rule-windows';
import type { RuleWindow } from './rule-windows';
import { capReached, slotLimits } from './slot-limits';
import type { SlotLimits } from './slot-limits';
import type { FreeSlot, FreeSlotsInput } from './slot.types';
import { DAY_MS } from './zone-offsets';

/**
 * The free slots of one clinician for local dates `from..to` (inclusive, in each rule's
 * zone), per the "Slot engine" contract in docs/scheduling.md: each rule on each date covers
 * `[utc(D, startTime), utc(D, endTime))`; slots step from its start, `slotMinutes` long, and
 * end inside it; a slot is free when its blocked range `[start - bufferBefore, end +
 * bufferAfter)` overlaps no busy range and no time off, `start >= now + minNotice`,
 * `start < now + horizonDays`, and its date is under the daily cap.
 *
 * Sorted by start, then centre, then session type; no duplicates. Pure: no I/O, no clock.
 * Throws RangeError on malformed input (dates, times, zones, numbers).
 */
export function computeFreeSlots(input: FreeSlotsInput): FreeSlot[] {
  const limits = slotLimits(input);
  const fromDay = parseLocalDate(input.from);
  const toDay = parseLocalDate(input.to);
  assertRanges(input.busy, 'busy');
  const byWeekday = compileRules(input.schedule.rules, input);

  // A window of local date D lies within (D - 1, D + 2) in UTC days, so dates outside this
  // clip cannot hold a slot between `now + minNotice` and the horizon: an over-wide range
  // costs nothing.
  const first = Math.max(fromDay, Math.floor(limits.earliestStart / DAY_MS) - 2);
  const last = Math.min(toDay, Math.floor(limits.horizonEnd / DAY_MS) + 2);
  if (first > last) return [];

  const blockers = mergeRanges(input.busy, timeOffRanges(input.schedule.timeOff));
  const windows = ruleWindows(byWeekday, first, last).sort((a, b) => a.start - b.start);
  const slots: FreeSlot[] = [];
  for (const window of windows) {
    if (!capReached(limits, window.day)) collectFree(window, limits, blockers, slots);
  }
  return inOrder(slots) ? slots : sortUnique(slots);
}

/**
 * True when each slot starts after the previous one: the usual case (rules of one clinician
 * do not overlap, and windows are walked in time order), which then needs no sort.
 */
function inOrder(slots: FreeSlot[]): boolean {
  for (let i = 1; i < slots.length; i++) {
    if (slots[i].startsAt <= slots[i - 1].startsAt) return false;
  }
  return true;
}

/**
 * Appends the window's free slots. One binary search places the pointer; from there the
 * walk only moves forward, and a blocked slot jumps straight past the blocker, so the cost
 * is O(log n + slots + blockers inside the window), never slots x busy ranges.
 */
function collectFree(
  window: RuleWindow,
  limits: SlotLimits,
  blockers: MergedRanges,
  out: FreeSlot[],
): void {
  const { slotMs, bufferBeforeMs, bufferAfterMs, earliestStart, horizonEnd } = limits;
  const { starts, ends } = blockers;
  let k = window.start >= earliestStart ? 0 : Math.ceil((earliestStart - window.start) / slotMs);
  let j = firstEndingAfter(blockers, window.start + k * slotMs - bufferBeforeMs);
  for (;;) {
    const start = window.start + k * slotMs;
    const end = start + slotMs;
    if (end > window.end || start >= horizonEnd) return;
    const blockedStart = start - bufferBeforeMs;
    while (j < ends.length && ends[j] <= blockedStart) j++;
    if (j < ends.length && starts[j] < end + bufferAfterMs) {
      // Blocked: the next candidate is the first whose blocked range starts at or after
      // this blocker's end (a `[)` range: touching is free).
      k = Math.max(k + 1, Math.ceil((ends[j] + bufferBeforeMs - window.start) / slotMs));
      continue;
    }
    out.push({
      startsAt: start,
      endsAt: end,
      centreId: window.centreId,
      sessionType: window.sessionType,
    });
    k++;
  }
}

/** Orders slots by start, centre, session type, dropping repeats (from overlapping rules). */
function sortUnique(slots: FreeSlot[]): FreeSlot[] {
  slots.sort(compareSlots);
  let kept = 0;
  for (const slot of slots) {
    const prev = kept > 0 ? slots[kept - 1] : undefined;
    if (prev && compareSlots(prev, slot) === 0) continue;
    slots[kept++] = slot;
  }
  slots.length = kept;
  return slots;
}

/** The output order of `computeFreeSlots`; 0 only for the same slot. */
export function compareSlots(a: FreeSlot, b: FreeSlot): number {
  return (
    a.startsAt - b.startsAt ||
    a.endsAt - b.endsAt ||
    (a.centreId < b.centreId ? -1 : a.centreId > b.centreId ? 1 : 0) ||
    (a.sessionType < b.sessionType ? -1 : a.sessionType > b.sessionType ? 1 : 0)
  );
}
