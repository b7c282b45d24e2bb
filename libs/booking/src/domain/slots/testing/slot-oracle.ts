import type { FreeSlot, FreeSlotsInput, SlotRule } from '../slot.types';

// A deliberately naive model of the "Slot engine" contract for the property tests. It shares
// no code with the engine and does not use luxon: wall clocks come straight from Intl, and
// local -> UTC is a scan. Valid for wall times on a 15-minute grid in zones whose offsets and
// transitions are on that grid (all the zones the tests use).

const MIN = 60_000;
const DAY = 86_400_000;
const STEP = 15 * MIN;
const formats = new Map<string, Intl.DateTimeFormat>();
const walls = new Map<string, number>();

/** The wall clock of `zone` at instant `ms`, as the ms of that Y-M-D h:m read as UTC. */
export function wallClockAt(zone: string, ms: number): number {
  const key = `${zone}@${ms}`;
  const known = walls.get(key);
  if (known !== undefined) return known;
  let format = formats.get(zone);
  if (!format) {
    const opts = { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric' } as const;
    format = new Intl.DateTimeFormat('en-US', {
      ...opts,
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(zone, format);
  }
  const part: Record<string, number> = {};
  for (const p of format.formatToParts(ms)) part[p.type] = Number(p.value);
  const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute);
  walls.set(key, wall);
  return wall;
}

/** The contract's local -> UTC: the earliest instant whose wall clock reads >= the wall time. */
export function oracleUtc(zone: string, date: string, minuteOfDay: number): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minuteOfDay * MIN;
  for (let u = wall - 15 * 3_600_000; ; u += STEP) {
    if (wallClockAt(zone, u) >= wall) return u;
  }
}

/** `HH:mm` / `24:00` -> minutes. */
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** Inclusive list of `YYYY-MM-DD` from `from` to `to`. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += DAY) {
    out.push(new Date(d).toISOString().slice(0, 10));
  }
  return out;
}

/** One rule on one local date, with its absolute interval. */
export interface OracleWindow {
  rule: SlotRule;
  date: string;
  start: number;
  end: number;
}

/** Every (rule, date) window of the input, its filters applied. */
export function oracleWindows(input: FreeSlotsInput): OracleWindow[] {
  const out: OracleWindow[] = [];
  for (const date of datesBetween(input.from, input.to)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    for (const rule of input.schedule.rules) {
      if (rule.dayOfWeek !== weekday) continue;
      if (input.sessionType && rule.sessionType !== input.sessionType) continue;
      if (input.centreId && rule.centreId !== input.centreId) continue;
      const start = oracleUtc(rule.timeZone, date, minutesOf(rule.startTime));
      const end = oracleUtc(rule.timeZone, date, minutesOf(rule.endTime));
      out.push({ rule, date, start, end });
    }
  }
  return out;
}

const ms = (t: string | number) => (typeof t === 'number' ? t : Date.parse(t));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Busy ranges and time off of the input as `[start, end)` ms pairs. */
export function blockersOf(input: FreeSlotsInput): Array<[number, number]> {
  return [
    ...input.busy.map((b): [number, number] => [b.start, b.end]),
    ...input.schedule.timeOff.map((t): [number, number] => [ms(t.startsAt), ms(t.endsAt)]),
  ];
}

/** The contract, applied slot by slot with linear scans: the answer the engine must give. */
export function referenceSlots(input: FreeSlotsInput): FreeSlot[] {
  const s = input.schedule;
  const len = s.slotMinutes * MIN;
  const blockers = blockersOf(input);
  const booked = (date: string) =>
    [...(input.bookedPerLocalDay ?? new Map<string, number>())]
      .filter(([key]) => key.endsWith(`|${date}`))
      .reduce((sum, [, n]) => sum + n, 0);
  const out = new Map<string, FreeSlot>();
  for (const w of oracleWindows(input)) {
    if (s.dailyCap !== null && booked(w.date) >= s.dailyCap) continue;
    for (let start = w.start; start + len <= w.end; start += len) {
      const lo = start - s.bufferBeforeMinutes * MIN;
      const hi = start + len + s.bufferAfterMinutes * MIN;
      if (start < input.now + s.minNoticeMinutes * MIN) continue;
      if (start >= input.now + s.horizonDays * DAY) continue;
      if (blockers.some(([a, b]) => a < hi && lo < b)) continue;
      const slot = {
        startsAt: start,
        endsAt: start + len,
        centreId: w.rule.centreId,
        sessionType: w.rule.sessionType,
      };
      out.set(`${start}|${w.rule.centreId}|${w.rule.sessionType}`, slot);
    }
  }
  return [...out.values()].sort(
    (a, b) =>
      a.startsAt - b.startsAt || cmp(a.centreId, b.centreId) || cmp(a.sessionType, b.sessionType),
  );
}
