import fc from 'fast-check';
import type { FreeSlotsInput, SessionType, SlotRule } from '../slot.types';

const MIN = 60_000;
const DAY = 86_400_000;

/** Zones under test with their 2026 DST change dates (all Sundays); Kolkata has none. */
export const DST_DATES: Record<string, readonly string[]> = {
  'Europe/London': ['2026-03-29', '2026-10-25'],
  'America/New_York': ['2026-03-08', '2026-11-01'],
  'Australia/Lord_Howe': ['2026-04-05', '2026-10-04'],
  'Asia/Kolkata': ['2026-03-29', '2026-10-25'],
};
const ZONES = Object.keys(DST_DATES);

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Rules on a 15-minute grid, biased to Sundays and to the small hours where DST happens. */
const ruleArb = (zoneOf: Record<string, string>) =>
  fc
    .record({
      dayOfWeek: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.integer({ min: 0, max: 6 })),
      start: fc.oneof(
        { arbitrary: fc.integer({ min: 0, max: 24 }), weight: 3 },
        fc.integer({ min: 0, max: 95 }),
      ),
      quarters: fc.integer({ min: 1, max: 48 }),
      centreId: fc.constantFrom('c1', 'c2'),
      sessionType: fc.constantFrom<SessionType>('IN_PERSON', 'ONLINE'),
    })
    .map(({ dayOfWeek, start, quarters, centreId, sessionType }): SlotRule => ({
      dayOfWeek,
      startTime: hhmm(start * 15),
      endTime: hhmm(Math.min(1440, (start + quarters) * 15)),
      centreId,
      sessionType,
      timeZone: zoneOf[centreId],
    }));

/** `value` three times in four, else a value of `arb`. */
const rarely = <T, N extends null | undefined>(arb: fc.Arbitrary<T>, value: N) =>
  fc.oneof({ arbitrary: fc.constant(value), weight: 3 }, { arbitrary: arb, weight: 1 });

/** An instant near `base`: often on the 15-minute grid of slot starts, sometimes off minutes. */
const instantArb = (base: number, fromMin: number, toMin: number) =>
  fc
    .tuple(
      fc.oneof(
        fc.integer({ min: fromMin / 15, max: toMin / 15 }).map((q) => q * 15),
        fc.integer({ min: fromMin, max: toMin }),
      ),
      fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.integer({ min: 0, max: MIN - 1 })),
    )
    .map(([m, jitter]) => base + m * MIN + jitter);

const rangeArb = (base: number) =>
  fc
    .tuple(instantArb(base, -4 * 1440, 8 * 1440), fc.integer({ min: 1, max: 300 }))
    .map(([start, minutes]) => ({ start, end: start + minutes * MIN }));

/**
 * A whole `computeFreeSlots` input around one 2026 DST change: 1-4 rules at up to two
 * centres (c2 maybe in another zone), busy ranges, time off, notice, horizon, a daily cap
 * and filters, all random.
 */
export const scenarioArb: fc.Arbitrary<FreeSlotsInput> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    otherZone: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, fc.constantFrom(...ZONES)),
    change: fc.integer({ min: 0, max: 1 }),
    before: fc.integer({ min: 0, max: 3 }),
    after: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ zone, otherZone, change, before, after }) => {
    const base = Date.parse(`${DST_DATES[zone][change]}T00:00:00Z`);
    const zoneOf = { c1: zone, c2: otherZone ?? zone };
    const from = base - before * DAY;
    const booked = fc.record({
      centre: fc.constantFrom('c1', 'c2'),
      day: fc.integer({ min: -3, max: 6 }),
      count: fc.integer({ min: 0, max: 3 }),
    });
    return fc.record({
      schedule: fc.record({
        slotMinutes: fc.constantFrom(15, 20, 30, 45, 60, 90),
        bufferBeforeMinutes: fc.constantFrom(0, 0, 5, 10, 15),
        bufferAfterMinutes: fc.constantFrom(0, 0, 5, 10, 15),
        minNoticeMinutes: fc.oneof(
          { arbitrary: fc.constantFrom(0, 120), weight: 3 },
          fc.integer({ min: 0, max: 3000 }),
        ),
        horizonDays: fc.oneof(
          { arbitrary: fc.constant(60), weight: 3 },
          fc.integer({ min: 0, max: 8 }),
        ),
        dailyCap: rarely(fc.integer({ min: 0, max: 4 }), null),
        rules: fc.array(ruleArb(zoneOf), { minLength: 1, maxLength: 4 }),
        timeOff: fc.array(
          rangeArb(base).map((r) => ({
            startsAt: new Date(r.start).toISOString(),
            endsAt: new Date(r.end).toISOString(),
          })),
          { maxLength: 2 },
        ),
      }),
      from: fc.constant(isoDate(from)),
      to: fc.constant(isoDate(base + after * DAY)),
      busy: fc.array(rangeArb(base), { maxLength: 25 }),
      bookedPerLocalDay: fc.array(booked, { maxLength: 4 }).map((entries) => {
        const map = new Map<string, number>();
        for (const e of entries) {
          const key = `${e.centre}|${isoDate(from + e.day * DAY)}`;
          map.set(key, (map.get(key) ?? 0) + e.count);
        }
        return map;
      }),
      now: instantArb(base, -4 * 1440, 360),
      sessionType: rarely(fc.constantFrom<SessionType>('IN_PERSON', 'ONLINE'), undefined),
      centreId: rarely(fc.constantFrom('c1', 'c2'), undefined),
    });
  });

/**
 * The same scenarios with nothing in the way (no busy, time off, notice, horizon, cap or
 * filter) and one centre per rule, so every slot can be traced back to its rule.
 */
export const quietScenarioArb: fc.Arbitrary<FreeSlotsInput> = scenarioArb.map((input) => ({
  ...input,
  schedule: {
    ...input.schedule,
    minNoticeMinutes: 0,
    horizonDays: 10_000,
    dailyCap: null,
    timeOff: [],
    rules: input.schedule.rules.map((rule, i) => ({ ...rule, centreId: `r${i}` })),
  },
  busy: [],
  bookedPerLocalDay: undefined,
  now: Date.UTC(2025, 0, 1),
  sessionType: undefined,
  centreId: undefined,
}));
