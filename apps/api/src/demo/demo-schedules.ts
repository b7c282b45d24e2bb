import type { DemoRandom } from './demo-ids';

/** A weekly availability rule as stored: `[startMinute, endMinute)` local to the centre. */
export interface DemoRule {
  dayOfWeek: number;
  startMinute: number;
  endMinute: number;
  centreId: string;
  sessionType: 'IN_PERSON' | 'ONLINE';
}

const h = (hours: number, minutes = 0) => hours * 60 + minutes;
const MORNINGS = [[h(9), h(13)], [h(9, 30), h(13, 30)], [h(10), h(14)], [h(8), h(12)]] as const;
const EVENINGS = [[h(17), h(20)], [h(17, 30), h(20, 30)], [h(18), h(21)], [h(16), h(19)]] as const;
/** Between every morning (ends by 14:00) and every evening (starts at 16:00 or later). */
const ONLINE_BLOCK = [h(14), h(15, 30)] as const;
const SUNDAY = [h(10), h(13)] as const;
const MON_SAT = [1, 2, 3, 4, 5, 6];

type Pattern = (morning: (day: number) => void, evening: (day: number) => void) => void;
/** How an Indian clinic's week usually looks: OPD mornings, evenings, or some of both. */
const PATTERNS: Pattern[] = [
  (morning) => MON_SAT.forEach(morning),
  (_, evening) => MON_SAT.forEach(evening),
  (morning, evening) => {
    MON_SAT.forEach(morning);
    [1, 3, 5].forEach(evening);
  },
  (morning, evening) => {
    [1, 3, 5].forEach(morning);
    [2, 4, 6].forEach(evening);
  },
];

/**
 * A clinician's week: a pattern of morning and evening blocks at their primary centre (Saturdays
 * and Wednesday evenings at their second centre, if they have one), maybe a Sunday morning, and
 * maybe a video session on two weekday afternoons. Rules of a day never overlap.
 */
export function weeklyRules(
  random: DemoRandom,
  options: { primaryCentreId: string; secondCentreId?: string; onlineShare: number },
): DemoRule[] {
  const rules: DemoRule[] = [];
  const [mStart, mEnd] = random.pick(MORNINGS);
  const [eStart, eEnd] = random.pick(EVENINGS);
  const centreOn = (day: number, evening: boolean) =>
    options.secondCentreId && (day === 6 || (evening && day === 3)) ? options.secondCentreId : options.primaryCentreId;
  const add = (dayOfWeek: number, startMinute: number, endMinute: number, centreId: string, online = false) =>
    rules.push({ dayOfWeek, startMinute, endMinute, centreId, sessionType: online ? 'ONLINE' : 'IN_PERSON' });

  random.pick(PATTERNS)(
    (day) => add(day, mStart, mEnd, centreOn(day, false)),
    (day) => add(day, eStart, eEnd, centreOn(day, true)),
  );
  if (random.chance(0.15)) add(0, SUNDAY[0], SUNDAY[1], options.primaryCentreId);
  if (random.chance(options.onlineShare)) {
    const first = random.int(1, 3);
    for (const day of [first, first + 2]) add(day, ONLINE_BLOCK[0], ONLINE_BLOCK[1], options.primaryCentreId, true);
  }
  return rules.sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.startMinute - b.startMinute);
}
