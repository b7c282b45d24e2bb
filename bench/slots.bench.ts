/**
 * `npm run bench:slots`: free slots of one clinician over 31 days with 500 existing bookings,
 * measured three ways in the same run (one call at a time, so these are latencies):
 *   baseline  one raw SQL query for settings + rules + bookings (pg), then the engine's JS walk
 *             (`computeFreeSlots`), the ~1.1 ms shape FACTS measured;
 *   handler   the FindFreeSlots query handler, resolved from the booted API's QueryBus;
 *   HTTP      `GET /api/v1/clinicians/:id/slots?from=&to=` through the real API (worker-thread client).
 * Targets (issue): handler p95 <= 5 ms, HTTP p95 <= 10 ms. Fixture: lib/fixtures.ts, clinician 0.
 */
import 'reflect-metadata';
import { FindFreeSlots } from '@carebook/booking';
import { QueryBus } from '@nestjs/cqrs';
import { bootApi } from './lib/api';
import { connect, prepareDatabase, withClient } from './lib/db';
import * as fx from './lib/fixtures';
import { prng, runLoad, sampleSequential, summarise, type Summary } from './lib/load';
import { readOptions } from './lib/options';
import { baseline, computeFreeSlots } from './lib/slots-baseline';
import {
  fmtInt,
  fmtMs,
  fmtX,
  printHeader,
  printTable,
  printTotal,
  runMain,
  verdict,
} from './lib/report';

const CLINICIAN = fx.fixtureClinicianId(0);
const TARGET = { handlerP95: 5, httpP95: 10 };

async function main(): Promise<number> {
  const opts = readOptions('npm run bench:slots --', {
    iterations: { default: 2000, min: 10, max: 1_000_000, help: 'in-process calls per target' },
    duration: { default: 5, min: 1, max: 120, help: 'HTTP measured seconds' },
    warmup: { default: 1, min: 0, max: 30, help: 'HTTP unmeasured seconds first' },
    bookings: { default: 500, min: 0, max: 900, help: 'existing bookings in the range' },
    days: { default: 31, min: 1, max: 32, help: 'local dates in the range (route max 32)' },
    pool: { default: 10, min: 1, max: 100, help: "PostgreSQL connections (the API's default)" },
  });
  const started = Date.now();
  const log = (line: string) => !opts.json && console.log(line);
  const versions = await prepareDatabase(opts.databaseUrl, log);
  const from = fx.localDate(1);
  const to = fx.localDate(opts.days);
  await withClient(opts.databaseUrl, async (c) => {
    await fx.ensureFixture(c);
    await fx.resetAppointments(c, [CLINICIAN]);
    const all = fx.fixtureSlots(from, to);
    const rand = prng(20261122);
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [all[i], all[j]] = [all[j], all[i]];
    }
    const starts = all.slice(0, opts.bookings).map((t) => new Date(t).toISOString());
    await c.query(
      `INSERT INTO appointments (patient_id, clinician_id, clinician_user_id, centre_id, starts_at, ends_at, session_type,
                                 status, fee_amount, fee_currency, source, created_by, created_by_kind)
       SELECT $1, $2, $3, $4, s, s + make_interval(mins => $6), 'IN_PERSON', 'CONFIRMED', 50000, 'INR', 'FRONT_DESK', $3, 'staff'
         FROM unnest($5::timestamptz[]) s`,
      [
        fx.fixturePatientId(0),
        CLINICIAN,
        fx.fixtureUserId(0),
        fx.fixtureCentreId,
        starts,
        fx.SLOT_MINUTES,
      ],
    );
    await c.query('ANALYZE appointments');
  });
  log(`data: clinician ${CLINICIAN}, ${from}..${to}, ${opts.bookings} bookings`);

  log('booting the API in-process ...');
  const api = await bootApi(opts);
  const client = await connect(opts.databaseUrl, 'carebook-bench-baseline');
  try {
    const queries = api.app.get(QueryBus);
    const handler = () => queries.execute(new FindFreeSlots(CLINICIAN, from, to));
    const path = `/api/v1/clinicians/${CLINICIAN}/slots?from=${from}&to=${to}`;
    const viaHttp = (await (await fetch(`http://127.0.0.1:${api.port}${path}`)).json()) as {
      items: unknown[];
    };
    const base = await baseline(client, CLINICIAN, from, to);
    const counts = {
      handler: (await handler()).items.length,
      http: viaHttp.items.length,
      baseline: base.slots.length,
    };
    log(
      `check: free slots handler ${counts.handler}, HTTP ${counts.http}, baseline ${counts.baseline}`,
    );

    const sample = { warmup: 200, iterations: opts.iterations, maxMs: 20_000 };
    log(`sampling: baseline, engine alone, handler (${opts.iterations} calls each) ...`);
    const b = summarise(
      await sampleSequential(() => baseline(client, CLINICIAN, from, to), sample),
    );
    const input = { schedule: base.schedule, busy: base.busy, from, to, now: Date.now() };
    const e = summarise(await sampleSequential(async () => computeFreeSlots(input), sample));
    const hd = summarise(await sampleSequential(handler, sample));
    log(`load: HTTP, 1 in flight, ${opts.warmup} + ${opts.duration} s ...`);
    const httpRun = await runLoad({
      concurrency: 1,
      warmupMs: opts.warmup * 1000,
      durationMs: opts.duration * 1000,
      maxRequests: opts.iterations * 10,
      cycle: true,
      target: { kind: 'http', port: api.port, method: 'GET', headers: {}, paths: [path] },
    });
    const h = summarise(httpRun);

    if (opts.json) {
      const figures = { baseline: b, engine: e, handler: hd, http: h };
      console.log(
        JSON.stringify({ from, to, bookings: opts.bookings, counts, ...figures }, null, 2),
      );
      return h.errors ? 1 : 0;
    }
    const bytes = Math.round(h.volume / Math.max(h.requests, 1)).toLocaleString('en');
    printHeader(
      `free slots of one clinician, ${opts.days} days, ${opts.bookings} bookings (one call at a time)`,
      versions,
      [
        `data     ${from}..${to}, Mon-Sat 09-13 + 14-20, 15-min slots: ${counts.handler} free slots, ${bytes} bytes per HTTP answer`,
        `HTTP     one request in flight from a worker thread, keep-alive loopback, ${opts.pool} PostgreSQL connections`,
      ],
    );
    const row = (name: string, x: Summary, target?: number) => [
      name,
      fmtMs(x.p50),
      fmtMs(x.p95),
      fmtMs(x.p99),
      fmtMs(x.max),
      fmtInt(x.requests),
      fmtX(x.p50 / b.p50),
      target === undefined ? '' : `p95 <= ${target}: ${verdict(x.p95 <= target)}`,
    ];
    printTable([
      ['', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'calls', 'p50 / baseline', 'target'],
      row('baseline: 1 SQL query + computeFreeSlots', b),
      row('  of which computeFreeSlots (JS walk)', e),
      row('FindFreeSlots handler (QueryBus)', hd, TARGET.handlerP95),
      row(`HTTP GET /clinicians/:id/slots`, h, TARGET.httpP95),
    ]);
    if (httpRun.firstError) console.log(`first HTTP error: ${httpRun.firstError}`);
    printTotal(started);
    return h.errors ? 1 : 0;
  } finally {
    await client.end();
    await api.close();
  }
}

runMain(main);
