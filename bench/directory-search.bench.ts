/**
 * `npm run bench:directory`: the public directory search over the large dataset (100,000
 * clinicians, `npm run seed:large`; loaded here when missing), `GET /api/v1/clinicians?lat&lng&
 * radiusKm=10&specialization=<one>` (20 nearest + nextAvailableSlot), beside in the same run:
 *   SQL    the handler's own SQL and parameters, captured at run time from SearchClinicians
 *          (so it follows the handler), run through a `pg` pool at the same concurrency;
 *   naive  every listed clinician (id, position, specializations) with `pg`, Haversine in JS,
 *          filter + sort, then the 20 kept rows with their next slot (one at a time: CPU-bound).
 * Points: near the 40 cities of the dataset (Gaussian, ~7 km), one specialization each.
 * Targets (issue): HTTP p95 <= 25 ms, and >= 50x faster than naive (p50). See lib/directory.ts.
 */
import 'reflect-metadata';
import { QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { bootApi } from './lib/api';
import { connect, dbName, prepareDatabase, withClient } from './lib/db';
import * as dir from './lib/directory';
import { ensureLarge } from './lib/large-dataset';
import { CITIES } from './lib/large-sql';
import { runLoad, sampleSequential, summarise } from './lib/load';
import { readOptions } from './lib/options';
import {
  fmtMs,
  fmtX,
  printHeader,
  printLoadTable,
  printTotal,
  runMain,
  verdict,
} from './lib/report';

const TARGET = { httpP95: 25, naiveFactor: 50 };

async function main(): Promise<number> {
  const opts = readOptions('npm run bench:directory --', {
    concurrency: { default: 4, min: 1, max: 256, help: 'requests in flight (SQL and HTTP)' },
    duration: { default: 10, min: 1, max: 120, help: 'measured seconds per target' },
    warmup: { default: 2, min: 0, max: 30, help: 'unmeasured seconds per target first' },
    naive: { default: 8, min: 1, max: 1000, help: 'naive calls (one at a time)' },
    pool: { default: 10, min: 1, max: 100, help: "PostgreSQL connections (the API's default)" },
    clinicians: { default: 100_000, min: 1, max: 1_000_000, help: 'size of the large dataset' },
    centres: { default: 2_000, min: 1, max: 100_000, help: 'its centres' },
  });
  const started = Date.now();
  const log = (line: string) => !opts.json && console.log(line);
  const versions = await prepareDatabase(opts.databaseUrl, log);
  const loaded = await withClient(opts.databaseUrl, (c) =>
    ensureLarge(c, opts.centres, opts.clinicians),
  );
  log(`data: large dataset ${loaded}`);
  const points = dir.cityPoints(4000, 20261122);

  log('booting the API in-process ...');
  const api = await bootApi(opts);
  const client = await connect(opts.databaseUrl, 'carebook-bench-naive');
  try {
    const { sql, bind } = await dir.captureHandlerSql(
      api.app.get(QueryBus),
      api.app.get(DataSource),
    );
    const check = await dir.checkAnswers(client, api.port, sql, points.slice(0, 20), bind);
    log(
      `check: ${check.points} points, HTTP ids = SQL ids (order, total) at every one; naive agrees at ${check.naive}`,
    );

    const base = {
      concurrency: opts.concurrency,
      warmupMs: opts.warmup * 1000,
      durationMs: opts.duration * 1000,
      maxRequests: 1_000_000,
      cycle: true,
    };
    log(`load: SQL for ${opts.warmup} + ${opts.duration} s ...`);
    const params = points.map((p) => [bind(p)]);
    const sqlRun = await runLoad({
      ...base,
      target: {
        kind: 'sql',
        url: opts.databaseUrl,
        poolSize: opts.pool,
        statements: [sql],
        params,
      },
    });
    log(`load: HTTP for ${opts.warmup} + ${opts.duration} s ...`);
    const paths = points.map(dir.pathOf);
    const httpRun = await runLoad({
      ...base,
      target: { kind: 'http', port: api.port, method: 'GET', headers: {}, paths },
    });
    log(`naive: ${opts.naive} calls ...`);
    let i = 0;
    const sample = { warmup: 1, iterations: opts.naive, maxMs: 60_000 };
    const n = summarise(await sampleSequential(() => dir.naive(client, points[i++]), sample));
    const s = summarise(sqlRun);
    const h = summarise(httpRun);
    const factor = n.p50 / h.p50;

    if (opts.json) {
      const options = { ...opts, databaseUrl: dbName(opts.databaseUrl) };
      console.log(JSON.stringify({ options, sql: s, http: h, naive: n, factor }, null, 2));
      return s.errors + h.errors ? 1 : 0;
    }
    printHeader(
      `GET /api/v1/clinicians?lat&lng&radiusKm=${dir.RADIUS_KM}&specialization (${dir.LIMIT} nearest + nextAvailableSlot)`,
      versions,
      [
        `data     ${opts.clinicians.toLocaleString('en')} clinicians at ${opts.centres.toLocaleString('en')} centres around ${CITIES.length} cities; ${check.avgTotal.toFixed(0)} matches per search on average`,
        `load     SQL and HTTP: ${opts.concurrency} in flight, ${opts.warmup} s warm-up + ${opts.duration} s each, ${opts.pool} PostgreSQL connections; naive: 1 at a time`,
        `HTTP     ${Math.round(h.volume / Math.max(h.requests, 1)).toLocaleString('en')} bytes per answer; SQL captured from SearchClinicians at run time`,
      ],
    );
    printLoadTable(
      [
        ["SQL (the handler's, pg direct)", s],
        ['HTTP GET /api/v1/clinicians', h],
        ['naive: all rows + Haversine in JS', n],
      ],
      [
        [
          'HTTP / SQL',
          fmtX(h.rps / s.rps),
          fmtX(h.p50 / s.p50),
          fmtX(h.p95 / s.p95),
          fmtX(h.p99 / s.p99),
          '',
          '',
        ],
        ['naive / HTTP (times slower)', '', fmtX(factor), fmtX(n.p95 / h.p95), '', '', ''],
      ],
    );
    console.log(
      `\ntargets  HTTP p95 <= ${TARGET.httpP95} ms: ${verdict(h.p95 <= TARGET.httpP95)} (${fmtMs(h.p95)} ms); ` +
        `>= ${TARGET.naiveFactor}x faster than naive (p50): ${verdict(factor >= TARGET.naiveFactor)} (${fmtX(factor)})`,
    );
    if (sqlRun.firstError) console.log(`first SQL error: ${sqlRun.firstError}`);
    if (httpRun.firstError) console.log(`first HTTP error: ${httpRun.firstError}`);
    printTotal(started);
    return s.errors + h.errors ? 1 : 0;
  } finally {
    await client.end();
    await api.close();
  }
}

runMain(main);
