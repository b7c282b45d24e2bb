import fc from 'fast-check';
import { findSlotAt, isSlotAllowed } from './find-slot-at';
import { computeFreeSlots } from './free-slots';
import { blockedRange } from './intervals';
import { formatLocalDate, parseLocalDate } from './local-time';
import type { SlotQuery, SlotSchedule } from './slot.types';
import { scenarioArb } from './testing/slot-arbitraries';

const MIN = 60_000;
const schedule: SlotSchedule = {
  slotMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  minNoticeMinutes: 120,
  horizonDays: 60,
  dailyCap: null,
  rules: [
    {
      dayOfWeek: 3,
      startTime: '09:00',
      endTime: '12:00',
      centreId: 'c1',
      sessionType: 'IN_PERSON',
      timeZone: 'Asia/Kolkata',
    },
    {
      dayOfWeek: 3,
      startTime: '09:00',
      endTime: '10:00',
      centreId: 'c1',
      sessionType: 'ONLINE',
      timeZone: 'Asia/Kolkata',
    },
  ],
  timeOff: [],
};
const query = (over: Partial<SlotQuery> = {}): SlotQuery => ({
  schedule,
  busy: [],
  now: Date.UTC(2026, 6, 1),
  ...over,
});
const nineIst = Date.UTC(2026, 6, 8, 3, 30); // Wednesday 2026-07-08 09:00 Asia/Kolkata

describe('findSlotAt', () => {
  it('finds a slot on the grid and prefers the order of computeFreeSlots', () => {
    expect(findSlotAt(query(), nineIst)).toEqual({
      startsAt: nineIst,
      endsAt: nineIst + 30 * MIN,
      centreId: 'c1',
      sessionType: 'IN_PERSON',
    });
    expect(findSlotAt(query({ sessionType: 'ONLINE' }), nineIst)?.sessionType).toBe('ONLINE');
    expect(findSlotAt(query({ sessionType: 'ONLINE' }), nineIst + 60 * MIN)).toBeNull();
  });

  it('refuses instants off the grid, outside rules, busy, or too soon', () => {
    expect(isSlotAllowed(query(), nineIst + 15 * MIN)).toBe(false);
    expect(isSlotAllowed(query(), nineIst + 150 * MIN)).toBe(true); // 11:30-12:00
    expect(isSlotAllowed(query(), nineIst + 180 * MIN)).toBe(false); // would end after 12:00
    expect(isSlotAllowed(query(), nineIst + 1.5)).toBe(false);
    const busy = [blockedRange(nineIst + 30 * MIN, nineIst + 60 * MIN, 0, 10)]; // 09:30-10:10
    expect(isSlotAllowed(query({ busy }), nineIst)).toBe(false); // blocked 09:00-09:40
    expect(isSlotAllowed(query({ busy }), nineIst + 60 * MIN)).toBe(false); // busy runs to 10:10
    expect(isSlotAllowed(query({ busy }), nineIst + 90 * MIN)).toBe(true);
    const touching = [{ start: nineIst + 40 * MIN, end: nineIst + 80 * MIN }];
    expect(isSlotAllowed(query({ busy: touching }), nineIst)).toBe(true); // [) ranges
    expect(isSlotAllowed(query({ now: nineIst - 120 * MIN }), nineIst)).toBe(true);
    expect(isSlotAllowed(query({ now: nineIst - 120 * MIN + 1 }), nineIst)).toBe(false);
    expect(isSlotAllowed(query({ now: nineIst - 60 * 86_400_000 }), nineIst)).toBe(false); // horizon
    expect(isSlotAllowed(query({ now: nineIst - 60 * 86_400_000 + 1 }), nineIst)).toBe(true);
  });

  it('respects the daily cap and time off', () => {
    const capped = { ...schedule, dailyCap: 1 };
    expect(isSlotAllowed(query({ schedule: capped }), nineIst)).toBe(true);
    const booked = new Map([['c9|2026-07-08', 1]]);
    expect(isSlotAllowed(query({ schedule: capped, bookedPerLocalDay: booked }), nineIst)).toBe(
      false,
    );
    const timeOff = [
      { startsAt: '2026-07-08T00:00:00+05:30', endsAt: '2026-07-09T00:00:00+05:30' },
    ];
    expect(isSlotAllowed(query({ schedule: { ...schedule, timeOff } }), nineIst)).toBe(false);
  });

  it('agrees with computeFreeSlots at every instant (property)', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.integer({ min: 0, max: 3 * 24 * 4 }), { maxLength: 40 }),
        (input, quarters) => {
          // A range wide enough that every instant probed below belongs to one of its dates.
          const from = formatLocalDate(parseLocalDate(input.from) - 2);
          const to = formatLocalDate(parseLocalDate(input.to) + 2);
          const all = computeFreeSlots({ ...input, from, to });
          // Also probe the slots that busy time, time off, notice or the cap took away.
          const open = { ...input.schedule, timeOff: [], dailyCap: null, minNoticeMinutes: 0 };
          const unblocked = computeFreeSlots({ ...input, schedule: open, busy: [], from, to });
          const base = Date.parse(`${input.from}T00:00:00Z`) - 86_400_000;
          const probes = [
            ...unblocked.map((s) => s.startsAt),
            ...quarters.map((q) => base + q * 15 * MIN),
          ];
          for (const t of probes) {
            const expected = all.find((s) => s.startsAt === t) ?? null;
            expect(findSlotAt(input, t)).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('blockedRange', () => {
  it('widens a booking by its buffers, in minutes', () => {
    expect(blockedRange(1_000_000, 2_800_000, 5, 10)).toEqual({ start: 700_000, end: 3_400_000 });
  });
});
