import { DateTime, Settings } from 'luxon';
import { localToUtc, parseLocalDate, parseWallTime, weekdayOf } from './local-time';

/** `localToUtc` on `YYYY-MM-DD` + `HH:mm`, answered as ISO for readable expectations. */
const utc = (zone: string, date: string, time: string) =>
  new Date(localToUtc(zone, parseLocalDate(date), parseWallTime(time))).toISOString();

describe('localToUtc', () => {
  it.each([
    ['Europe/London', '2026-07-01', '09:00', '2026-07-01T08:00:00.000Z'],
    ['Europe/London', '2026-12-01', '09:00', '2026-12-01T09:00:00.000Z'],
    ['Asia/Kolkata', '2026-07-01', '09:00', '2026-07-01T03:30:00.000Z'],
    ['Asia/Kolkata', '2026-07-01', '00:00', '2026-06-30T18:30:00.000Z'],
    ['America/New_York', '2026-07-01', '09:00', '2026-07-01T13:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-07-01', '09:00', '2026-06-30T22:30:00.000Z'], // +10:30
    ['Australia/Lord_Howe', '2026-12-01', '09:00', '2026-11-30T22:00:00.000Z'], // +11:00
    ['Europe/London', '2026-07-01', '24:00', '2026-07-01T23:00:00.000Z'],
  ])('%s %s %s is %s', (zone, date, time, expected) => {
    expect(utc(zone, date, time)).toBe(expected);
  });

  it.each([
    // Spring forward: a wall time in the gap maps to the first instant after it.
    ['Europe/London', '2026-03-29', '01:00', '2026-03-29T01:00:00.000Z'],
    ['Europe/London', '2026-03-29', '01:30', '2026-03-29T01:00:00.000Z'],
    ['Europe/London', '2026-03-29', '02:00', '2026-03-29T01:00:00.000Z'],
    ['Europe/London', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:30:00.000Z'], // 30-min gap
    ['Australia/Lord_Howe', '2026-10-04', '02:30', '2026-10-03T15:30:00.000Z'],
    // Fall back: an ambiguous wall time takes the earlier instant.
    ['Europe/London', '2026-10-25', '01:00', '2026-10-25T00:00:00.000Z'],
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
    ['Europe/London', '2026-10-25', '02:00', '2026-10-25T02:00:00.000Z'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00.000Z'], // 30-min overlap
    ['Australia/Lord_Howe', '2026-04-05', '02:00', '2026-04-04T15:30:00.000Z'],
  ])('DST: %s %s %s is %s', (zone, date, time, expected) => {
    expect(utc(zone, date, time)).toBe(expected);
  });

  it('does not depend on the current date, unlike luxon fromObject in an overlap', () => {
    const luxon = () =>
      DateTime.fromObject(
        { year: 2026, month: 10, day: 25, hour: 1, minute: 30 },
        { zone: 'Europe/London' },
      ).toMillis();
    const original = Settings.now;
    try {
      const answers = [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)].map((now) => {
        Settings.now = () => now;
        return { luxon: luxon(), engine: utc('Europe/London', '2026-10-25', '01:30') };
      });
      expect(answers[0].luxon).not.toBe(answers[1].luxon); // why the engine does not rely on it
      expect(answers[0].engine).toBe(answers[1].engine);
    } finally {
      Settings.now = original;
    }
  });

  it('rejects unknown zones', () => {
    expect(() => utc('Mars/Olympus', '2026-07-01', '09:00')).toThrow(RangeError);
  });
});

describe('calendar parsing', () => {
  it('reads dates and weekdays (0 = Sunday)', () => {
    expect(weekdayOf(parseLocalDate('2026-03-29'))).toBe(0);
    expect(weekdayOf(parseLocalDate('2026-07-01'))).toBe(3);
    expect(weekdayOf(parseLocalDate('1969-12-31'))).toBe(3);
  });

  it.each([
    '2026-02-30',
    '2026-00-10',
    '2026-13-01',
    '0026-07-01',
    '2026-7-01',
    '2026-07-01T00:00Z',
    '',
  ])('rejects date %p', (d) => {
    expect(() => parseLocalDate(d)).toThrow(RangeError);
  });
  it('reads leap days', () => {
    expect(parseLocalDate('2028-02-29')).toBe(Date.UTC(2028, 1, 29) / 86_400_000);
  });

  it('reads HH:mm and 24:00 only', () => {
    expect(parseWallTime('00:00')).toBe(0);
    expect(parseWallTime('23:59')).toBe(1439);
    expect(parseWallTime('24:00')).toBe(1440);
    for (const bad of ['24:30', '9:00', '12:60', '12:00:00', '']) {
      expect(() => parseWallTime(bad)).toThrow(RangeError);
    }
  });
});
