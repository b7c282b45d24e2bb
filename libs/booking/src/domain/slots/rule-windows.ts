import { localToUtc, parseWallTime, weekdayOf } from './local-time';
import { assertTimeZone } from './zone-offsets';
import type { SessionType, SlotQuery, SlotRule } from './slot.types';

/** A rule parsed once: wall times as minutes since local midnight. */
export interface CompiledRule {
  dayOfWeek: number;
  startMinute: number;
  endMinute: number;
  centreId: string;
  sessionType: SessionType;
  timeZone: string;
}

/** A rule on one local date: the absolute interval its slots must fit in. */
export interface RuleWindow {
  /** ms epoch, `utc(day, startTime)`. */
  start: number;
  /** ms epoch, `utc(day, endTime)`; after `start`. */
  end: number;
  /** Local day number (days since 1970-01-01) the rule applies to. */
  day: number;
  centreId: string;
  sessionType: SessionType;
}

/**
 * The rules the query asks about (its `sessionType` / `centreId` filters applied), parsed and
 * checked (RangeError on a bad weekday, time or zone), grouped by weekday (index 0 = Sunday).
 */
export function compileRules(
  rules: readonly SlotRule[],
  filter: Pick<SlotQuery, 'sessionType' | 'centreId'>,
): CompiledRule[][] {
  const byWeekday: CompiledRule[][] = [[], [], [], [], [], [], []];
  for (const rule of rules) {
    if (filter.sessionType !== undefined && rule.sessionType !== filter.sessionType) continue;
    if (filter.centreId !== undefined && rule.centreId !== filter.centreId) continue;
    if (!Number.isInteger(rule.dayOfWeek) || rule.dayOfWeek < 0 || rule.dayOfWeek > 6) {
      throw new RangeError(`dayOfWeek must be 0 (Sunday) to 6, got ${rule.dayOfWeek}`);
    }
    assertTimeZone(rule.timeZone);
    byWeekday[rule.dayOfWeek].push({
      dayOfWeek: rule.dayOfWeek,
      startMinute: parseWallTime(rule.startTime),
      endMinute: parseWallTime(rule.endTime),
      centreId: rule.centreId,
      sessionType: rule.sessionType,
      timeZone: rule.timeZone,
    });
  }
  return byWeekday;
}

/**
 * `[utc(day, startTime), utc(day, endTime))` in the rule's zone (gap/overlap policy in
 * `localToUtc`), or null when the rule does not apply that day or the interval is empty
 * (end <= start, or both ends inside one spring-forward gap).
 */
export function ruleWindow(rule: CompiledRule, day: number): RuleWindow | null {
  if (weekdayOf(day) !== rule.dayOfWeek || rule.endMinute <= rule.startMinute) return null;
  const start = localToUtc(rule.timeZone, day, rule.startMinute);
  const end = localToUtc(rule.timeZone, day, rule.endMinute);
  if (end <= start) return null;
  return { start, end, day, centreId: rule.centreId, sessionType: rule.sessionType };
}

/** Every rule window for local days `fromDay..toDay` (inclusive), day by day. */
export function ruleWindows(
  byWeekday: CompiledRule[][],
  fromDay: number,
  toDay: number,
): RuleWindow[] {
  const windows: RuleWindow[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    for (const rule of byWeekday[weekdayOf(day)]) {
      const window = ruleWindow(rule, day);
      if (window) windows.push(window);
    }
  }
  return windows;
}
