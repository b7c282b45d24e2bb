import { computeFreeSlots } from './free-slots';
import type { FreeSlotsInput, SlotRule, SlotSchedule } from './slot.types';

const LONG_AGO = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const rule = (over: Partial<SlotRule>): SlotRule => ({
  dayOfWeek: 0,
  startTime: '09:00',
  endTime: '12:00',
  centreId: 'c1',
  sessionType: 'IN_PERSON',
  timeZone: 'Europe/London',
  ...over,
});
const schedule = (over: Partial<SlotSchedule>): SlotSchedule => ({
  slotMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 0,
  horizonDays: 400,
  dailyCap: null,
  rules: [rule({})],
  timeOff: [],
  ...over,
});
const slots = (over: Partial<FreeSlotsInput> & { date?: string }) =>
  computeFreeSlots({
    schedule: schedule({}),
    from: over.date ?? '2026-07-05',
    to: over.date ?? '2026-07-05',
    busy: [],
    now: LONG_AGO,
    ...over,
  });
const starts = (over: Parameters<typeof slots>[0]) => slots(over).map((s) => iso(s.startsAt));

describe('computeFreeSlots across DST', () => {
  const night = schedule({ rules: [rule({ startTime: '00:00', endTime: '04:00' })] });

  it('London 00:00-04:00 holds 3 one-hour slots on spring-forward day, 5 on fall-back day', () => {
    expect(starts({ schedule: night, date: '2026-03-29' })).toEqual([
      '2026-03-29T00:00',
      '2026-03-29T01:00',
      '2026-03-29T02:00',
    ]);
    expect(starts({ schedule: night, date: '2026-10-25' })).toEqual([
      '2026-10-24T23:00',
      '2026-10-25T00:00',
      '2026-10-25T01:00',
      '2026-10-25T02:00',
      '2026-10-25T03:00',
    ]);
  });

  it('Lord Howe shifts by 30 minutes: 3.5 h then 4.5 h of real time', () => {
    const lordHowe = (slotMinutes: number) =>
      schedule({
        slotMinutes,
        rules: [rule({ startTime: '00:00', endTime: '04:00', timeZone: 'Australia/Lord_Howe' })],
      });
    expect(slots({ schedule: lordHowe(30), date: '2026-10-04' })).toHaveLength(7);
    expect(slots({ schedule: lordHowe(60), date: '2026-10-04' })).toHaveLength(3);
    expect(slots({ schedule: lordHowe(30), date: '2026-04-05' })).toHaveLength(9);
    expect(slots({ schedule: lordHowe(60), date: '2026-04-05' })).toHaveLength(4);
  });

  it('a rule starting inside the gap starts when the gap ends', () => {
    const s = schedule({ rules: [rule({ startTime: '01:30', endTime: '03:00' })] });
    expect(starts({ schedule: s, date: '2026-03-29' })).toEqual(['2026-03-29T01:00']);
  });
});

describe('computeFreeSlots rules', () => {
  it('leaves a slot free when a busy range ends exactly at its blocked start', () => {
    const s = schedule({ bufferBeforeMinutes: 10, bufferAfterMinutes: 5 });
    const nine = Date.UTC(2026, 6, 5, 8); // 09:00 BST
    const busy = [
      { start: nine - 70 * 60_000, end: nine - 10 * 60_000 }, // ends at 09:00 - 10 min
      { start: nine + 65 * 60_000, end: nine + 120 * 60_000 }, // starts at 10:00 + 5 min
    ];
    expect(starts({ schedule: s, busy })).toEqual(['2026-07-05T08:00']);
    busy[0].end += 1;
    expect(starts({ schedule: s, busy })).toEqual([]);
  });

  it('applies time off, minimum notice (inclusive) and the horizon (exclusive)', () => {
    const timeOff = [{ startsAt: '2026-07-05T09:30:00Z', endsAt: '2026-07-05T10:45:00+01:00' }];
    expect(starts({ schedule: schedule({ timeOff }) })).toEqual([
      '2026-07-05T08:00',
      '2026-07-05T10:00',
    ]);

    const s = schedule({ minNoticeMinutes: 90, horizonDays: 1 });
    const at = (h: number, m: number, day = 5) => Date.UTC(2026, 6, day, h, m);
    expect(starts({ schedule: s, now: at(6, 30) })).toEqual([
      '2026-07-05T08:00',
      '2026-07-05T09:00',
      '2026-07-05T10:00',
    ]);
    expect(starts({ schedule: s, now: at(6, 31) })).toEqual([
      '2026-07-05T09:00',
      '2026-07-05T10:00',
    ]);
    expect(starts({ schedule: s, now: at(9, 0, 4) })).toEqual(['2026-07-05T08:00']);
  });

  it('caps bookings per clinician per local date, across centres', () => {
    const s = schedule({
      dailyCap: 2,
      rules: [rule({}), rule({ centreId: 'c2', startTime: '13:00', endTime: '14:00' })],
    });
    const under = new Map([['c1|2026-07-05', 1]]);
    const full = new Map([...under, ['c2|2026-07-05', 1]]);
    expect(slots({ schedule: s, bookedPerLocalDay: under })).toHaveLength(4);
    expect(slots({ schedule: s, bookedPerLocalDay: full })).toEqual([]);
    expect(slots({ schedule: { ...s, dailyCap: 0 } })).toEqual([]);
  });

  it('filters by session type and centre, sorts by start then centre, drops duplicates', () => {
    const s = schedule({
      rules: [
        rule({ centreId: 'c2', timeZone: 'Europe/Paris', startTime: '10:00', endTime: '11:00' }),
        rule({ centreId: 'c1', startTime: '09:00', endTime: '10:00' }),
        rule({ centreId: 'c1', startTime: '09:00', endTime: '10:00' }),
        rule({ centreId: 'c1', sessionType: 'ONLINE', startTime: '08:00', endTime: '09:00' }),
      ],
    });
    expect(slots({ schedule: s }).map((x) => `${iso(x.startsAt)} ${x.centreId}`)).toEqual([
      '2026-07-05T07:00 c1',
      '2026-07-05T08:00 c1',
      '2026-07-05T08:00 c2',
    ]);
    expect(slots({ schedule: s, sessionType: 'ONLINE' })).toHaveLength(1);
    expect(slots({ schedule: s, centreId: 'c2' })).toEqual([
      {
        startsAt: Date.UTC(2026, 6, 5, 8),
        endsAt: Date.UTC(2026, 6, 5, 9),
        centreId: 'c2',
        sessionType: 'IN_PERSON',
      },
    ]);
  });

  it('answers nothing for an empty or inverted range and throws on malformed input', () => {
    expect(slots({ from: '2026-07-06', to: '2026-07-05' })).toEqual([]);
    expect(() => slots({ from: '2026-07-32' })).toThrow(RangeError);
    expect(() => slots({ schedule: schedule({ slotMinutes: 0 }) })).toThrow(RangeError);
    expect(() => slots({ busy: [{ start: Number.NaN, end: 1 }] })).toThrow(RangeError);
    expect(() =>
      slots({ schedule: schedule({ timeOff: [{ startsAt: 'soon', endsAt: 'later' }] }) }),
    ).toThrow(RangeError);
  });
});
