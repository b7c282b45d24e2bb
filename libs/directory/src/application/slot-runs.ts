/**
 * Free slot starts as runs `[first, last]` whose starts are `stepMinutes` apart, the shape
 * `directory_clinicians.slot_starts` stores and `carebook_next_slot` reads. Runs never touch
 * (a gap of at least one step separates them), so a multirange keeps them apart.
 */
export function toSlotRuns(startsMs: readonly number[], stepMinutes: number): Array<[number, number]> {
  const step = stepMinutes * 60_000;
  const sorted = [...new Set(startsMs)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const start of sorted) {
    const last = runs[runs.length - 1];
    if (last && start - last[1] === step) last[1] = start;
    else runs.push([start, start]);
  }
  return runs;
}

/** PostgreSQL text of a `tstzmultirange` of inclusive runs. */
export function toMultirangeLiteral(runs: ReadonlyArray<[number, number]>): string {
  return `{${runs.map(([a, b]) => `["${new Date(a).toISOString()}","${new Date(b).toISOString()}"]`).join(',')}}`;
}
