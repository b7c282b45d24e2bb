/** Minutes in a day: the `end` of a rule that runs until midnight ("24:00"). */
export const MINUTES_PER_DAY = 1440;

/** `HH:mm` from 00:00 to 23:59; "24:00" is accepted only where `allowMidnightEnd` says so. */
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes since local midnight for `HH:mm`, or undefined when the text is not a valid time.
 * An end of day may be written "24:00" (1440).
 */
export function parseTimeOfDay(text: unknown, allowMidnightEnd = false): number | undefined {
  if (typeof text !== 'string') return undefined;
  if (allowMidnightEnd && text === '24:00') return MINUTES_PER_DAY;
  const match = HH_MM.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** `HH:mm` for minutes since local midnight; 1440 is "24:00". */
export function formatTimeOfDay(minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}
