import { compareSlots } from './free-slots';
import { assertRanges, overlapsAny, timeOffRanges } from './intervals';
import { weekdayOf } from './local-time';
import { compileRules, ruleWindow } from './rule-windows';
import { capReached, slotLimits } from './slot-limits';
import type { FreeSlot, SlotQuery } from './slot.types';
import { DAY_MS } from './zone-offsets';

/**
 * The free slot starting exactly at `startsAt`, judged by the same rules as
 * `computeFreeSlots` (it is in that function's answer for any range covering its date), or
 * null. For booking and rescheduling: checks one instant without computing a range, in
 * O(rules + busy ranges). When several rules offer that instant (centres, session types),
 * the first in `computeFreeSlots` order wins; pass `centreId` / `sessionType` to choose.
 */
export function findSlotAt(query: SlotQuery, startsAt: number): FreeSlot | null {
  const limits = slotLimits(query);
  assertRanges(query.busy, 'busy');
  const byWeekday = compileRules(query.schedule.rules, query);
  if (!Number.isInteger(startsAt)) return null;
  if (startsAt < limits.earliestStart || startsAt >= limits.horizonEnd) return null;

  const end = startsAt + limits.slotMs;
  const blocked = [query.busy, timeOffRanges(query.schedule.timeOff)];
  if (overlapsAny(blocked, startsAt - limits.bufferBeforeMs, end + limits.bufferAfterMs)) {
    return null;
  }

  // Offsets lie within -12 h..+14 h, so the slot's local date is its UTC date or a
  // neighbour; the rule window decides which (if any) it belongs to.
  const utcDay = Math.floor(startsAt / DAY_MS);
  let best: FreeSlot | null = null;
  for (let day = utcDay - 1; day <= utcDay + 1; day++) {
    if (capReached(limits, day)) continue;
    for (const rule of byWeekday[weekdayOf(day)]) {
      const window = ruleWindow(rule, day);
      if (!window || startsAt < window.start || end > window.end) continue;
      if ((startsAt - window.start) % limits.slotMs !== 0) continue;
      const slot: FreeSlot = {
        startsAt,
        endsAt: end,
        centreId: window.centreId,
        sessionType: window.sessionType,
      };
      if (!best || compareSlots(slot, best) < 0) best = slot;
    }
  }
  return best;
}

/** True when `startsAt` is a free slot (see `findSlotAt`). */
export function isSlotAllowed(query: SlotQuery, startsAt: number): boolean {
  return findSlotAt(query, startsAt) !== null;
}
