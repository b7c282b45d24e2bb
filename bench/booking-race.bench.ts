/**
 * `npm run bench:race`: many concurrent bookings of ONE slot, trial after trial, each on a fresh
 * slot of fixture clinician 1 (lib/fixtures.ts). Per trial: wall time until every attempt has
 * answered, and whether exactly one succeeded. Three variants in the same run:
 *   carebook  N `BookAtFrontDesk` commands at once through the booted API's CommandBus (the
 *             slot engine judges, then one INSERT takes the clinician's advisory lock and meets
 *             the exclusion constraint; the losers are judged again under the lock), on the
 *             API's own pool;
 *   raw+lock  N raw INSERTs over 20 connections starting together, each after the advisory lock;
 *   raw       the baseline of FACTS: the same without the lock, only the exclusion constraint,
 *             where deadlock chains can stall a trial (each cycle broken after deadlock_timeout).
 * Raw trials are capped (`--cap`, then cancelled) and the raw phases have a time budget, so the
 * bench always ends. Target (issue): no carebook trial past 2 s.
 */
import 'reflect-metadata';
import { BookAtFrontDesk } from '@carebook/booking';
import { Role } from '@carebook/core';
import { CommandBus } from '@nestjs/cqrs';
import { performance } from 'node:perf_hooks';
import { bootApi } from './lib/api';
import { connect, prepareDatabase } from './lib/db';
import * as fx from './lib/fixtures';
import { readOptions } from './lib/options';
import { printTrials, rawTrial, summariseTrials, type RaceSlot, type Trial } from './lib/race';
import { fmtMs, printHeader, printTotal, runMain, verdict } from './lib/report';

const CLINICIAN = fx.fixtureClinicianId(1);
const TARGET_MS = 2000;

async function main(): Promise<number> {
  const opts = readOptions('npm run bench:race --', {
    trials: { default: 50, min: 1, max: 1000, help: 'trials per variant' },
    attempts: { default: 200, min: 2, max: 2000, help: 'concurrent attempts per trial' },
    connections: { default: 20, min: 2, max: 60, help: 'connections of the raw variants' },
    cap: { default: 5, min: 1, max: 300, help: 'seconds before a raw trial is stopped' },
    budget: {
      default: 15,
      min: 1,
      max: 3600,
      help: 'seconds per raw variant (trials left: skipped)',
    },
    pool: { default: 10, min: 1, max: 100, help: "the API's PostgreSQL connections" },
  });
  const started = Date.now();
  const log = (line: string) => !opts.json && console.log(line);
  const versions = await prepareDatabase(opts.databaseUrl, log);
  const control = await connect(opts.databaseUrl, 'carebook-bench-race-control');
  await fx.ensureFixture(control);
  await fx.resetAppointments(control, [CLINICIAN]);
  const slots = fx.fixtureSlots(fx.localDate(2), fx.localDate(40)); // far past the 2 h notice
  const slotAt = (i: number): RaceSlot => ({
    clinicianId: CLINICIAN,
    userId: fx.fixtureUserId(1),
    centreId: fx.fixtureCentreId,
    patientId: fx.fixturePatientId(0),
    startsAt: new Date(slots[i]),
    endsAt: new Date(slots[i] + fx.SLOT_MINUTES * 60_000),
  });
  const live = async (at: Date) =>
    (
      await control.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM appointments WHERE clinician_id = $1 AND starts_at = $2 AND status <> 'CANCELLED'`,
        [CLINICIAN, at],
      )
    ).rows[0].n;

  log('booting the API in-process ...');
  const api = await bootApi(opts);
  const results: Record<string, Trial[]> = {
    carebook: [],
    'raw+lock': [],
    raw: [],
  };
  try {
    const commands = api.app.get(CommandBus);
    const actor = {
      kind: 'staff' as const,
      id: fx.fixtureUserId(0),
      role: Role.ADMIN,
      centreIds: [],
    };
    log(
      `carebook: 1 warm-up + ${opts.trials} trials x ${opts.attempts} BookAtFrontDesk at once ...`,
    );
    for (let t = -1; t < opts.trials; t++) {
      const slot = slotAt(t + 1); // t = -1: the warm-up trial (JIT, the pool's connections), not counted
      const t0 = performance.now();
      const settled = await Promise.allSettled(
        Array.from({ length: opts.attempts }, (_, k) =>
          commands.execute(
            new BookAtFrontDesk(actor, {
              patientId: fx.fixturePatientId(k % fx.FIXTURE_PATIENTS),
              clinicianId: CLINICIAN,
              centreId: fx.fixtureCentreId,
              startsAt: slot.startsAt,
              sessionType: 'IN_PERSON',
              source: 'FRONT_DESK',
            }),
          ),
        ),
      );
      const ms = performance.now() - t0;
      const failures = settled.flatMap((s) =>
        s.status === 'rejected' ? [s.reason as { code?: string; message?: string }] : [],
      );
      const other = failures.filter((e) => e.code !== 'SLOT_UNAVAILABLE');
      if (t >= 0)
        results.carebook.push({
          ms,
          successes: settled.length - failures.length,
          conflicts: failures.length - other.length,
          deadlocks: 0,
          cancelled: 0,
          other: other.length,
          firstOther: other[0]?.message,
          rows: await live(slot.startsAt),
        });
    }
    for (const [name, withLock, offset] of [
      ['raw+lock', true, 100],
      ['raw', false, 200],
    ] as const) {
      log(
        `${name}: up to ${opts.trials} trials x ${opts.attempts} INSERTs over ${opts.connections} connections (budget ${opts.budget} s) ...`,
      );
      const appName = `carebook-bench-race-${withLock ? 'lock' : 'nolock'}`;
      const clients = await Promise.all(
        Array.from({ length: opts.connections }, () => connect(opts.databaseUrl, appName)),
      );
      const phaseEnd = Date.now() + opts.budget * 1000;
      try {
        for (let t = 0; t < opts.trials && Date.now() < phaseEnd; t++) {
          const slot = slotAt(offset + t);
          const r = await rawTrial(clients, control, appName, slot, {
            attempts: opts.attempts,
            withLock,
            capMs: opts.cap * 1000,
          });
          results[name].push({ ...r, rows: await live(slot.startsAt) });
        }
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
    }
  } finally {
    await api.close();
    await fx.resetAppointments(control, [CLINICIAN]);
    await control.end();
  }

  const summary = Object.entries(results).map(([name, trials]) =>
    summariseTrials(name, trials, TARGET_MS),
  );
  if (opts.json) {
    console.log(JSON.stringify({ options: { ...opts, databaseUrl: undefined }, summary }, null, 2));
    return 0;
  }
  const [carebook] = summary;
  printHeader(`${opts.attempts} concurrent bookings of one slot per trial`, versions, [
    `variants carebook: CommandBus in-process, API pool ${opts.pool}; raw: ${opts.connections} connections, trial cap ${opts.cap} s, budget ${opts.budget} s per variant`,
  ]);
  printTrials(summary, TARGET_MS);
  console.log('');
  for (const s of summary) console.log(`per trial ms, ${s.name}: ${s.perTrial.join(' ')}`);
  for (const s of summary)
    if (s.firstOther) console.log(`first other error, ${s.name}: ${s.firstOther}`);
  console.log(
    `\ntarget   no carebook trial past ${TARGET_MS / 1000} s: ${verdict(carebook.overLimit === 0)} (max ${fmtMs(carebook.max)} ms); exactly one success in ${carebook.exactlyOne} of ${carebook.trials}`,
  );
  printTotal(started);
  return 0;
}

runMain(main);
