/**
 * Raw-SQL races on one slot for bench:race: N INSERTs of the same appointment over K
 * connections that start together, against the appointments' exclusion constraint, with or
 * without `pg_advisory_xact_lock` on the clinician first (FACTS: without it, 20 connections can
 * stall in chains of deadlocks, each broken only after `deadlock_timeout`). Each statement runs on
 * its own dedicated client (a failed statement never costs a reconnect). A trial past `capMs` is
 * stopped: no new attempts, and the ones in flight are cancelled (counted as `cancelled`).
 */
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { percentile } from './load';
import { fmtInt, fmtMs, printTable } from './report';

export interface RaceSlot {
  clinicianId: string;
  userId: string;
  centreId: string;
  patientId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface TrialResult {
  ms: number;
  successes: number;
  conflicts: number;
  deadlocks: number;
  cancelled: number;
  other: number;
  firstOther?: string;
}

const INSERT = `INSERT INTO appointments (patient_id, clinician_id, clinician_user_id, centre_id, starts_at, ends_at, session_type,
                                          status, fee_amount, fee_currency, source, created_by, created_by_kind)
                VALUES ($1, $2, $3, $4, $5, $6, 'IN_PERSON', 'CONFIRMED', 50000, 'INR', 'FRONT_DESK', $3, 'staff')`;
const LOCK = `SELECT pg_advisory_xact_lock(hashtextextended('appointments:' || $1::text, 0))`;

export async function rawTrial(
  clients: Client[],
  control: Client,
  appName: string,
  slot: RaceSlot,
  opts: { attempts: number; withLock: boolean; capMs: number },
): Promise<TrialResult> {
  const r: TrialResult = {
    ms: 0,
    successes: 0,
    conflicts: 0,
    deadlocks: 0,
    cancelled: 0,
    other: 0,
  };
  const params = [
    slot.patientId,
    slot.clinicianId,
    slot.userId,
    slot.centreId,
    slot.startsAt,
    slot.endsAt,
  ];
  let issued = 0;
  const start = performance.now();
  let capped = false;
  const timer = setTimeout(() => {
    capped = true;
    void control
      .query(
        `SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`,
        [appName],
      )
      .catch(() => undefined);
  }, opts.capMs);
  const attempt = async (c: Client) => {
    if (!opts.withLock) return c.query(INSERT, params);
    await c.query('BEGIN');
    try {
      await c.query(LOCK, [slot.clinicianId]);
      await c.query(INSERT, params);
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };
  await Promise.all(
    clients.map(async (c) => {
      while (issued < opts.attempts && !capped) {
        issued++;
        try {
          await attempt(c);
          r.successes++;
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === '23P01') r.conflicts++;
          else if (code === '40P01') r.deadlocks++;
          else if (code === '57014') r.cancelled++;
          else {
            r.other++;
            r.firstOther ??= (error as Error).message;
          }
        }
      }
    }),
  );
  clearTimeout(timer);
  r.ms = performance.now() - start;
  return r;
}

export type Trial = TrialResult & { rows: number };

/** Figures of one variant's trials; `exactlyOne` also needs exactly one live row in the table. */
export function summariseTrials(name: string, trials: Trial[], limitMs: number) {
  const ms = Float64Array.from(trials.map((t) => t.ms)).sort();
  const sum = (k: 'deadlocks' | 'cancelled' | 'other') => trials.reduce((a, t) => a + t[k], 0);
  return {
    name,
    trials: trials.length,
    exactlyOne: trials.filter((t) => t.successes === 1 && t.rows === 1).length,
    none: trials.filter((t) => t.rows === 0).length, // a capped trial can cancel every attempt
    moreThanOne: trials.filter((t) => t.successes > 1 || t.rows > 1).length, // never, by the constraint
    p50: percentile(ms, 0.5),
    p95: percentile(ms, 0.95),
    max: ms.length ? ms[ms.length - 1] : NaN,
    overLimit: trials.filter((t) => t.ms > limitMs).length,
    deadlocks: sum('deadlocks'),
    cancelled: sum('cancelled'),
    other: sum('other'),
    firstOther: trials.find((t) => t.firstOther)?.firstOther,
    perTrial: trials.map((t) => Math.round(t.ms)),
  };
}

const LABELS: Record<string, string> = {
  carebook: 'carebook: BookAtFrontDesk (lock + constraint)',
  'raw+lock': 'raw INSERT after advisory lock',
  raw: 'raw INSERT, constraint only (baseline)',
};

export function printTrials(
  summary: Array<ReturnType<typeof summariseTrials>>,
  limitMs: number,
): void {
  const head = [
    'trials',
    'exactly one',
    'none',
    '> one',
    'p50 ms',
    'p95 ms',
    'max ms',
    `> ${limitMs / 1000} s`,
    'deadlocks',
    'cancelled',
    'other errors',
  ];
  printTable([
    ['', ...head],
    ...summary.map((s) => [
      LABELS[s.name] ?? s.name,
      ...[s.trials, s.exactlyOne, s.none, s.moreThanOne].map(fmtInt),
      ...[s.p50, s.p95, s.max].map(fmtMs),
      ...[s.overLimit, s.deadlocks, s.cancelled, s.other].map(fmtInt),
    ]),
  ]);
}
