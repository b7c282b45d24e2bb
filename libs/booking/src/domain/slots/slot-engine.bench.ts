/**
 * Micro-benchmark of `computeFreeSlots` (pure compute, no database) beside a baseline from
 * the same run: the same windows checked slot by slot against every busy range, the
 * per-slot scan the engine avoids. Both must give the same answer or the run fails.
 * Not a jest suite (`.bench.ts`). Run it from the repository root:
 *
 *   npx tsc libs/booking/src/domain/slots/slot-engine.bench.ts --outDir node_modules/.cache/carebook-slot-bench \
 *     --module nodenext --moduleResolution nodenext --target ES2022 --types node --skipLibCheck \
 *   && node node_modules/.cache/carebook-slot-bench/slot-engine.bench.js [--iterations 5000] [--json]
 */
import { parseArgs } from 'node:util';
import { findSlotAt } from './find-slot-at';
import { computeFreeSlots } from './free-slots';
import { mergeRanges, timeOffRanges } from './intervals';
import { parseLocalDate } from './local-time';
import { compileRules, ruleWindows } from './rule-windows';
import { slotLimits } from './slot-limits';
import type { FreeSlot, FreeSlotsInput, SlotRule, TimeRange } from './slot.types';
import { clearZoneOffsetMemo } from './zone-offsets';

const MIN = 60_000;

/** Deterministic PRNG (mulberry32) so every run measures the same calendar. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 31 days, Mon-Sat 09:00-13:00 + 14:00-18:00 (2 rules a day), 15-min slots, 500 bookings. */
function scenario(timeZone: string, from: string, to: string, busyCount: number): FreeSlotsInput {
  const rules: SlotRule[] = [1, 2, 3, 4, 5, 6].flatMap((dayOfWeek) =>
    (['09:00-13:00', '14:00-18:00'] as const).map((span) => ({
      dayOfWeek,
      startTime: span.slice(0, 5),
      endTime: span.slice(6),
      centreId: 'centre-1',
      sessionType: 'IN_PERSON' as const,
      timeZone,
    })),
  );
  const random = prng(20261122);
  const start = Date.parse(`${from}T00:00:00Z`);
  const busy: TimeRange[] = Array.from({ length: busyCount }, () => {
    const at = start + Math.floor(random() * 31 * 96) * 15 * MIN; // any quarter hour
    return { start: at - 5 * MIN, end: at + (15 + 5) * MIN }; // blocked: 15 min + 5/5 buffers
  }).sort((a, b) => a.start - b.start); // as the handler's query returns them
  return {
    schedule: {
      slotMinutes: 15,
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 5,
      minNoticeMinutes: 120,
      horizonDays: 60,
      dailyCap: null,
      rules,
      timeOff: [{ startsAt: `${from}T00:00:00Z`, endsAt: `${from}T12:00:00Z` }],
    },
    from,
    to,
    busy,
    now: start - 86_400_000,
  };
}

/** Baseline: the same windows, each slot checked against every busy range and time off. */
function perSlotScan(input: FreeSlotsInput): FreeSlot[] {
  const limits = slotLimits(input);
  const blockers = [...input.busy, ...timeOffRanges(input.schedule.timeOff)];
  const windows = ruleWindows(
    compileRules(input.schedule.rules, input),
    parseLocalDate(input.from),
    parseLocalDate(input.to),
  );
  const out: FreeSlot[] = [];
  for (const w of windows) {
    for (let s = w.start; s + limits.slotMs <= w.end; s += limits.slotMs) {
      if (s < limits.earliestStart || s >= limits.horizonEnd) continue;
      const lo = s - limits.bufferBeforeMs;
      const hi = s + limits.slotMs + limits.bufferAfterMs;
      if (blockers.some((b) => b.start < hi && lo < b.end)) continue;
      out.push({
        startsAt: s,
        endsAt: s + limits.slotMs,
        centreId: w.centreId,
        sessionType: w.sessionType,
      });
    }
  }
  return out.sort((a, b) => a.startsAt - b.startsAt);
}

/** Time of one call in ms. */
function timeOnce(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Per-call times in ms after a warm-up: median, 95th percentile, mean. */
function measure(
  iterations: number,
  fn: () => unknown,
): { p50: number; p95: number; mean: number } {
  for (let i = 0; i < Math.min(500, iterations); i++) fn();
  const times = Array.from({ length: iterations }, () => timeOnce(fn));
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p95: at(0.95), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

function main(): void {
  const { values } = parseArgs({
    options: { iterations: { type: 'string', default: '5000' }, json: { type: 'boolean' } },
  });
  const iterations = Number(values.iterations);
  const cases = [
    scenario('Asia/Kolkata', '2026-03-01', '2026-03-31', 500),
    scenario('Europe/London', '2026-03-15', '2026-04-14', 500), // crosses 2026-03-29
  ];
  const rows = cases.map((input) => {
    const zone = input.schedule.rules[0].timeZone;
    const firstCallMs = timeOnce(() => computeFreeSlots(input)); // the first case loads ICU too
    const slots = computeFreeSlots(input);
    if (JSON.stringify(slots) !== JSON.stringify(perSlotScan(input))) {
      throw new Error(`${zone}: engine and baseline disagree`);
    }
    const probe = slots[Math.floor(slots.length / 2)].startsAt;
    const engine = measure(iterations, () => computeFreeSlots(input));
    clearZoneOffsetMemo();
    const coldMemoMs = timeOnce(() => computeFreeSlots(input));
    return {
      zone,
      from: input.from,
      to: input.to,
      busy: input.busy.length,
      mergedBusy: mergeRanges(input.busy).starts.length,
      slots: slots.length,
      firstCallMs,
      coldMemoMs,
      engine,
      perSlotScan: measure(Math.max(1, Math.floor(iterations / 10)), () => perSlotScan(input)),
      findSlotAt: measure(iterations, () => findSlotAt(input, probe)),
    };
  });
  if (values.json) {
    console.log(JSON.stringify({ node: process.version, iterations, rows }, null, 2));
    return;
  }
  const f = (m: { p50: number; p95: number; mean: number }) =>
    `p50 ${m.p50.toFixed(3)} ms  p95 ${m.p95.toFixed(3)} ms  mean ${m.mean.toFixed(3)} ms`;
  for (const r of rows) {
    console.log(
      `${r.zone} ${r.from}..${r.to}: ${r.busy} busy ranges (${r.mergedBusy} merged), ${r.slots} free slots`,
    );
    console.log(`  first call                  ${r.firstCallMs.toFixed(3)} ms`);
    console.log(`  zone offsets not memoised   ${r.coldMemoMs.toFixed(3)} ms (code warm)`);
    console.log(`  computeFreeSlots (walk)     ${f(r.engine)}`);
    console.log(
      `  baseline per-slot scan      ${f(r.perSlotScan)}   (${(r.perSlotScan.p50 / r.engine.p50).toFixed(1)}x)`,
    );
    console.log(`  findSlotAt (one instant)    ${f(r.findSlotAt)}`);
  }
}

main();
