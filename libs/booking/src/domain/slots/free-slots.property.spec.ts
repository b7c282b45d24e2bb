import fc from 'fast-check';
import { compareSlots, computeFreeSlots } from './free-slots';
import type { FreeSlot, FreeSlotsInput } from './slot.types';
import { quietScenarioArb, scenarioArb } from './testing/slot-arbitraries';
import { blockersOf, oracleWindows, referenceSlots } from './testing/slot-oracle';

// fast-check prints the seed and the shrunk counterexample of a failure; replay it with
// `{ seed, path }` in the options below.
const RUNS = { numRuns: 200 };
const MIN = 60_000;
const DAY = 86_400_000;

const blockedOf = (input: FreeSlotsInput, slot: FreeSlot): [number, number] => [
  slot.startsAt - input.schedule.bufferBeforeMinutes * MIN,
  slot.endsAt + input.schedule.bufferAfterMinutes * MIN,
];

describe('computeFreeSlots properties (zones and dates around the 2026 DST changes)', () => {
  it('gives exactly the slots a slot-by-slot reading of the contract gives', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        expect(computeFreeSlots(input)).toEqual(referenceSlots(input));
      }),
      RUNS,
    );
  });

  it('never offers a slot whose blocked range overlaps a busy range or time off', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const blockers = blockersOf(input);
        for (const slot of computeFreeSlots(input)) {
          const [lo, hi] = blockedOf(input, slot);
          expect(blockers.filter(([a, b]) => a < hi && lo < b)).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('puts every slot inside its rule window, on the slot grid from the window start', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const windows = oracleWindows(input);
        const len = input.schedule.slotMinutes * MIN;
        for (const slot of computeFreeSlots(input)) {
          expect(slot.endsAt - slot.startsAt).toBe(len);
          const home = windows.find(
            (w) =>
              w.rule.centreId === slot.centreId &&
              w.rule.sessionType === slot.sessionType &&
              w.start <= slot.startsAt &&
              slot.endsAt <= w.end &&
              (slot.startsAt - w.start) % len === 0,
          );
          expect(home).toBeDefined();
        }
      }),
      RUNS,
    );
  });

  it('starts no slot before now + minNotice nor at or after now + horizon', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const { minNoticeMinutes, horizonDays } = input.schedule;
        for (const slot of computeFreeSlots(input)) {
          expect(slot.startsAt).toBeGreaterThanOrEqual(input.now + minNoticeMinutes * MIN);
          expect(slot.startsAt).toBeLessThan(input.now + horizonDays * DAY);
        }
      }),
      RUNS,
    );
  });

  it('offers a slot starting exactly at now + minNotice, not one starting exactly at now + horizon', () => {
    fc.assert(
      fc.property(
        quietScenarioArb,
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        (input, pick, days) => {
          const slots = computeFreeSlots(input);
          fc.pre(slots.length > 0);
          const slot = slots[pick % slots.length];
          const schedule = { ...input.schedule, minNoticeMinutes: 90, horizonDays: days };
          const atNotice = computeFreeSlots({ ...input, schedule, now: slot.startsAt - 90 * MIN });
          expect(atNotice).toContainEqual(slot);
          const atHorizon = computeFreeSlots({
            ...input,
            schedule,
            now: slot.startsAt - days * DAY,
          });
          expect(atHorizon).not.toContainEqual(slot);
        },
      ),
      RUNS,
    );
  });

  it('answers sorted (start, centre, session type) without duplicates', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const slots = computeFreeSlots(input);
        for (let i = 1; i < slots.length; i++) {
          expect(compareSlots(slots[i - 1], slots[i])).toBeLessThan(0);
        }
      }),
      RUNS,
    );
  });

  it('with nothing in the way, gives each rule floor(real length / slot length) slots a date, none overlapping', () => {
    fc.assert(
      fc.property(quietScenarioArb, (input) => {
        const slots = computeFreeSlots(input);
        const len = input.schedule.slotMinutes * MIN;
        let expected = 0;
        for (const w of oracleWindows(input)) {
          const mine = slots.filter(
            (s) => s.centreId === w.rule.centreId && w.start <= s.startsAt && s.startsAt < w.end,
          );
          expect(mine).toHaveLength(Math.max(0, Math.floor((w.end - w.start) / len)));
          for (let i = 1; i < mine.length; i++) {
            expect(mine[i].startsAt).toBeGreaterThanOrEqual(mine[i - 1].endsAt);
          }
          expected += mine.length;
        }
        expect(slots).toHaveLength(expected); // no slot outside a window
      }),
      RUNS,
    );
  });

  it('keeps a slot free when bookings end exactly at its blocked start and start at its blocked end', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.nat(),
        fc.integer({ min: 1, max: 600 }),
        (input, pick, minutes) => {
          const slots = computeFreeSlots(input);
          fc.pre(slots.length > 0);
          const slot = slots[pick % slots.length];
          const [lo, hi] = blockedOf(input, slot);
          const busy = [
            ...input.busy,
            { start: lo - minutes * MIN, end: lo },
            { start: hi, end: hi + minutes * MIN },
          ];
          expect(computeFreeSlots({ ...input, busy })).toContainEqual(slot);
        },
      ),
      RUNS,
    );
  });
});
