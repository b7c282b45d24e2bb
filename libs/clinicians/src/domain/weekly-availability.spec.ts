import { ValidationFailedError } from '@carebook/core';
import { AvailabilityRuleInput, WeeklyAvailability } from './weekly-availability';

const A = '0d8f6a52-6a0e-4b7e-9d55-3b1c6f0c2a10';
const B = '5b1c8f58-2f2c-4f55-9d3f-1f6c3b7f7a10';
const rule = (
  dayOfWeek: number,
  startTime: string,
  endTime: string,
  overrides: Partial<AvailabilityRuleInput> = {},
): AvailabilityRuleInput => ({
  dayOfWeek,
  startTime,
  endTime,
  centreId: A,
  sessionType: 'IN_PERSON',
  ...overrides,
});

function problemsOf(make: () => unknown): Array<{ field: string; message: string }> {
  try {
    make();
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.errors;
    throw error;
  }
  return [];
}

describe('WeeklyAvailability', () => {
  it('keeps valid rules sorted by day and start, in minutes, and writes them back as HH:mm', () => {
    const week = WeeklyAvailability.of([
      rule(3, '14:00', '18:00'),
      rule(1, '09:00', '13:00'),
      rule(1, '07:30', '08:15'),
    ]);
    expect(week.rules.map((r) => [r.dayOfWeek, r.startMinute, r.endMinute])).toEqual([
      [1, 450, 495],
      [1, 540, 780],
      [3, 840, 1080],
    ]);
    expect(week.toInputs()[0]).toEqual(rule(1, '07:30', '08:15'));
  });

  it('allows rules that touch ([start, end) ranges), on one day and across centres', () => {
    const week = WeeklyAvailability.of([
      rule(1, '09:00', '12:00'),
      rule(1, '12:00', '13:00', { centreId: B, sessionType: 'ONLINE' }),
      rule(1, '13:00', '24:00'),
    ]);
    expect(week.rules).toHaveLength(3);
  });

  it('accepts "24:00" as an end (until midnight) but not as a start', () => {
    expect(WeeklyAvailability.of([rule(6, '18:00', '24:00')]).rules[0].endMinute).toBe(1440);
    expect(
      problemsOf(() => WeeklyAvailability.of([rule(6, '24:00', '24:00')])).map((e) => e.field),
    ).toEqual(['rules[0].startTime']);
  });

  it('names the later rule of an overlapping pair, whatever the centre or session type', () => {
    const errors = problemsOf(() =>
      WeeklyAvailability.of([
        rule(1, '09:00', '12:00'),
        rule(2, '09:00', '12:00'),
        rule(1, '11:59', '14:00', { centreId: B, sessionType: 'ONLINE' }),
        rule(2, '08:00', '09:30'),
        rule(2, '10:00', '11:00'),
      ]),
    );
    expect(errors.map((e) => e.field)).toEqual(['rules[2]', 'rules[3]', 'rules[4]']);
    expect(errors[0].message).toBe('rules[2] (Monday 11:59-14:00) overlaps rules[0] (09:00-12:00)');
  });

  it.each([
    ['9:00', '12:00', 'rules[0].startTime'],
    ['09:60', '12:00', 'rules[0].startTime'],
    ['25:00', '12:00', 'rules[0].startTime'],
    ['09:00', '24:01', 'rules[0].endTime'],
    ['09:00', '12:00 ', 'rules[0].endTime'],
    ['09:00', 'noon', 'rules[0].endTime'],
    ['12:00', '12:00', 'rules[0].endTime'],
    ['13:00', '12:00', 'rules[0].endTime'],
  ])('rejects %p-%p, naming %s', (start, end, field) => {
    expect(
      problemsOf(() => WeeklyAvailability.of([rule(1, start, end)])).map((e) => e.field),
    ).toEqual([field]);
  });

  it('rejects a bad day, centre and session type, each by field, all at once', () => {
    const errors = problemsOf(() =>
      WeeklyAvailability.of([
        rule(1, '09:00', '10:00'),
        rule(7, '09:00', '10:00', { centreId: 'not-a-uuid', sessionType: 'HOME_VISIT' }),
        rule(-1, '09:00', '10:00'),
        rule(1.5, '09:00', '10:00'),
      ]),
    );
    expect(errors.map((e) => e.field)).toEqual([
      'rules[1].dayOfWeek',
      'rules[1].centreId',
      'rules[1].sessionType',
      'rules[2].dayOfWeek',
      'rules[3].dayOfWeek',
    ]);
  });

  it("with the clinician's centres, refuses a rule anywhere else", () => {
    const errors = problemsOf(() =>
      WeeklyAvailability.of(
        [rule(1, '09:00', '10:00'), rule(2, '09:00', '10:00', { centreId: B })],
        [A],
      ),
    );
    expect(errors).toEqual([
      {
        field: 'rules[1].centreId',
        message: "rules[1].centreId must be one of the clinician's centres",
      },
    ]);
  });

  it('compares weeks by their rules, not the order they were written in', () => {
    const one = WeeklyAvailability.of([rule(1, '09:00', '10:00'), rule(0, '09:00', '10:00')]);
    const two = WeeklyAvailability.of([rule(0, '09:00', '10:00'), rule(1, '09:00', '10:00')]);
    expect(one.equals(two)).toBe(true);
    expect(one.equals(WeeklyAvailability.EMPTY)).toBe(false);
    expect(one.centreIds()).toEqual([A]);
  });
});
