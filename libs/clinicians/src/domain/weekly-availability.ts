import { FieldError, isUuid, ValidationFailedError } from '@carebook/core';
import { isSessionType, SESSION_TYPES, SessionType } from './session-type';
import { formatTimeOfDay, parseTimeOfDay } from './time-of-day';

/** One weekly rule as callers write it: `HH:mm` local to the centre's zone. */
export interface AvailabilityRuleInput {
  /** 0 = Sunday ... 6 = Saturday. */
  dayOfWeek: number;
  startTime: string;
  /** `HH:mm`, or "24:00" for a rule that runs until midnight. */
  endTime: string;
  centreId: string;
  sessionType: string;
}

/** A validated rule: `[startMinute, endMinute)` minutes since local midnight. */
export interface AvailabilityRule {
  dayOfWeek: number;
  startMinute: number;
  endMinute: number;
  centreId: string;
  sessionType: SessionType;
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A clinician's whole week of availability, replaced as a whole. Rules of one day never overlap
 * (whatever their centre or session type: one person is in one place at a time); rules that
 * touch (09:00-12:00 and 12:00-13:00) are fine, since each is `[start, end)`.
 */
export class WeeklyAvailability {
  private constructor(readonly rules: readonly AvailabilityRule[]) {}

  static readonly EMPTY = new WeeklyAvailability([]);

  /**
   * Checks every rule and answers the week, or throws VALIDATION_FAILED listing each problem
   * with its field (`rules[2].startTime`, `rules[3]` for an overlap). With `centreIds`, each
   * rule must take place at one of them.
   */
  static of(
    inputs: readonly AvailabilityRuleInput[],
    centreIds?: readonly string[],
  ): WeeklyAvailability {
    const errors: FieldError[] = [];
    const valid: Array<{ index: number; rule: AvailabilityRule }> = [];
    inputs.forEach((input, index) => {
      const rule = checkRule(input, `rules[${index}]`, errors);
      if (rule && centreIds && !centreIds.includes(rule.centreId)) {
        errors.push({
          field: `rules[${index}].centreId`,
          message: `rules[${index}].centreId must be one of the clinician's centres`,
        });
      } else if (rule) valid.push({ index, rule });
    });
    errors.push(...overlaps(valid));
    if (errors.length) throw new ValidationFailedError(errors);
    return new WeeklyAvailability(sortRules(valid.map((v) => v.rule)));
  }

  /** Rebuilds stored rules (already valid); records nothing. */
  static restore(rules: readonly AvailabilityRule[]): WeeklyAvailability {
    return new WeeklyAvailability(sortRules(rules.map((r) => ({ ...r }))));
  }

  /** The centres the rules take place at. */
  centreIds(): string[] {
    return [...new Set(this.rules.map((r) => r.centreId))];
  }

  equals(other: WeeklyAvailability): boolean {
    return (
      this.rules.length === other.rules.length &&
      this.rules.every((r, i) => sameRule(r, other.rules[i]))
    );
  }

  /** The rules as callers write them (`HH:mm`, "24:00"). */
  toInputs(): Array<AvailabilityRuleInput & { sessionType: SessionType }> {
    return this.rules.map((r) => ({
      dayOfWeek: r.dayOfWeek,
      startTime: formatTimeOfDay(r.startMinute),
      endTime: formatTimeOfDay(r.endMinute),
      centreId: r.centreId,
      sessionType: r.sessionType,
    }));
  }
}

function checkRule(
  input: AvailabilityRuleInput,
  field: string,
  errors: FieldError[],
): AvailabilityRule | undefined {
  const before = errors.length;
  const fail = (name: string, message: string) =>
    errors.push({ field: `${field}.${name}`, message });
  const { dayOfWeek, startTime, endTime, centreId, sessionType } = input;
  if (!Number.isInteger(dayOfWeek) || dayOfWeek < 0 || dayOfWeek > 6)
    fail('dayOfWeek', 'dayOfWeek must be a whole number from 0 (Sunday) to 6 (Saturday)');
  const start = parseTimeOfDay(startTime);
  const end = parseTimeOfDay(endTime, true);
  if (start === undefined) fail('startTime', 'startTime must be a time HH:mm from 00:00 to 23:59');
  if (end === undefined) fail('endTime', 'endTime must be a time HH:mm from 00:01 to 24:00');
  if (start !== undefined && end !== undefined && start >= end)
    fail('endTime', 'endTime must be after startTime (a rule cannot cross midnight)');
  if (typeof centreId !== 'string' || !isUuid(centreId))
    fail('centreId', 'centreId must be a UUID');
  if (!isSessionType(sessionType))
    fail('sessionType', `sessionType must be one of ${SESSION_TYPES.join(', ')}`);
  if (errors.length > before) return undefined;
  return {
    dayOfWeek,
    startMinute: start as number,
    endMinute: end as number,
    centreId: centreId.toLowerCase(),
    sessionType: sessionType as SessionType,
  };
}

/** One error per rule that overlaps an earlier rule of the same day, naming both. */
function overlaps(rules: ReadonlyArray<{ index: number; rule: AvailabilityRule }>): FieldError[] {
  const errors: FieldError[] = [];
  rules.forEach(({ index, rule }, position) => {
    const clash = rules
      .slice(0, position)
      .find(
        ({ rule: other }) =>
          other.dayOfWeek === rule.dayOfWeek &&
          other.startMinute < rule.endMinute &&
          rule.startMinute < other.endMinute,
      );
    if (!clash) return;
    const span = (r: AvailabilityRule) =>
      `${formatTimeOfDay(r.startMinute)}-${formatTimeOfDay(r.endMinute)}`;
    errors.push({
      field: `rules[${index}]`,
      message: `rules[${index}] (${DAY_NAMES[rule.dayOfWeek]} ${span(rule)}) overlaps rules[${clash.index}] (${span(clash.rule)})`,
    });
  });
  return errors;
}

function sortRules(rules: AvailabilityRule[]): AvailabilityRule[] {
  return rules.sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.startMinute - b.startMinute);
}

function sameRule(a: AvailabilityRule, b: AvailabilityRule): boolean {
  return (
    a.dayOfWeek === b.dayOfWeek &&
    a.startMinute === b.startMinute &&
    a.endMinute === b.endMinute &&
    a.centreId === b.centreId &&
    a.sessionType === b.sessionType
  );
}
