/**
 * Benchmark of the public geo query `GET /api/v1/centres?lat=&lng=&radiusKm=10`, side by side
 * with its database ceiling measured in the same run:
 *   SQL   the FindCentresNear handler's SQL, run directly with `pg` (same concurrency, same pool size)
 *   HTTP  the full route through the real API booted in this process (AppModule + configureHttpApp)
 * Data lives in a dedicated database (`carebook_bench`, created when missing); never `carebook`
 * or `carebook_test`. Usage: `npm run bench:centres -- --help`.
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bootApi } from './lib/api';
import { BOX, NAME_PREFIX, randomPoints, seedCentres } from './lib/centres-data';
import { dbName, prepareDatabase, redact, withClient } from './lib/db';
import { runLoad, summarise } from './lib/load';
import { readOptions } from './lib/options';
import { fail, fmtX, printHeader, printLoadTable, printTotal, runMain } from './lib/report';

const HANDLER =
  'libs/centres/src/application/queries/find-centres-near/find-centres-near.handler.ts';
const CENTRE_VIEW = 'libs/centres/src/application/centre-view.ts';
const ROOT = findRoot(__dirname);
const ROUTE = '/api/v1/centres';
const RADIUS_KM = 10;
const PAGE_LIMIT = 20; // the route's default `limit`
const SEED = 20261122;

async function main(): Promise<number> {
  const opts = readOptions('npm run bench:centres --', {
    concurrency: { default: 16, min: 1, max: 256, help: 'requests in flight, both targets' },
    duration: { default: 10, min: 1, max: 120, help: 'measured seconds per target' },
    warmup: { default: 2, min: 0, max: 30, help: 'unmeasured seconds per target first' },
    centres: { default: 10_000, min: 1, max: 1_000_000, help: 'centres of this bench' },
    pool: { default: 10, min: 1, max: 100, help: "PostgreSQL connections (the API's default)" },
    'max-requests': { default: 1_000_000, min: 1, max: 10_000_000, help: 'cap per phase' },
  });
  const started = Date.now();
  const log = (line: string) => !opts.json && console.log(line);

  const versions = await prepareDatabase(opts.databaseUrl, log);
  const otherCentres = await seedCentres(opts.databaseUrl, opts.centres, log);
  const sqlText = handlerSql();
  const points = randomPoints(Math.min(opts['max-requests'], 20_000), SEED);

  log('booting the API in-process ...');
  const api = await bootApi(opts);
  try {
    const check = await checkSameAnswers(opts.databaseUrl, sqlText, api.port);
    log(
      `check: ${check.points} points, HTTP items = SQL rows (ids, order, total) at every one; ${check.nonEmpty} non-empty`,
    );
    const base = {
      concurrency: opts.concurrency,
      warmupMs: opts.warmup * 1000,
      durationMs: opts.duration * 1000,
      maxRequests: opts['max-requests'],
      cycle: true,
    };
    log(`load: SQL for ${opts.warmup} + ${opts.duration} s ...`);
    const params = points.map(([lat, lng]) => [[lat, lng, RADIUS_KM, null, PAGE_LIMIT, 0]]);
    const sqlRun = await runLoad({
      ...base,
      target: {
        kind: 'sql',
        url: opts.databaseUrl,
        poolSize: opts.pool,
        statements: [sqlText],
        params,
      },
    });
    log(`load: HTTP for ${opts.warmup} + ${opts.duration} s ...`);
    const paths = points.map(
      ([lat, lng]) => `${ROUTE}?lat=${lat}&lng=${lng}&radiusKm=${RADIUS_KM}`,
    );
    const httpRun = await runLoad({
      ...base,
      target: { kind: 'http', port: api.port, method: 'GET', headers: {}, paths },
    });

    const s = summarise(sqlRun);
    const h = summarise(httpRun);
    const ratio = {
      rps: h.rps / s.rps,
      p50: h.p50 / s.p50,
      p95: h.p95 / s.p95,
      p99: h.p99 / s.p99,
    };
    if (opts.json) {
      const options = { ...opts, databaseUrl: redact(opts.databaseUrl) };
      console.log(JSON.stringify({ options, sql: s, http: h, ratio }, null, 2));
      return s.errors + h.errors > 0 ? 1 : 0;
    }
    const others = otherCentres
      ? ` (+${otherCentres.toLocaleString('en')} centres of other benches)`
      : '';
    printHeader(
      `GET ${ROUTE}?lat=&lng=&radiusKm=${RADIUS_KM} against its own SQL, same run`,
      versions,
      [
        `data     ${dbName(opts.databaseUrl)}: ${opts.centres.toLocaleString('en')} centres at random points, lat ${BOX.lat.join('-')}, lng ${BOX.lng.join('-')}${others}`,
        `load     ${opts.concurrency} in flight, ${opts.warmup} s warm-up + ${opts.duration} s measured per target, random points in the same box,`,
        `         keep-alive loopback; ${opts.pool} PostgreSQL connections for both (SQL: pg Pool; HTTP: DATABASE_POOL_SIZE)`,
        `SQL      copied at run time from ${HANDLER}, limit ${PAGE_LIMIT}, ${(s.volume / Math.max(s.requests, 1)).toFixed(2)} rows per query on average`,
        `HTTP     LOG_LEVEL=silent, throttle 1,000,000/min, ${Math.round(h.volume / Math.max(h.requests, 1))} bytes per response on average`,
      ],
    );
    printLoadTable(
      [
        ['SQL (pg, direct)', s],
        [`HTTP GET ${ROUTE}`, h],
      ],
      [['HTTP / SQL', fmtX(ratio.rps), fmtX(ratio.p50), fmtX(ratio.p95), fmtX(ratio.p99), '', '']],
    );
    if (sqlRun.firstError) console.log(`first SQL error: ${sqlRun.firstError}`);
    if (httpRun.firstError) console.log(`first HTTP error: ${httpRun.firstError}`);
    printTotal(started);
    return s.errors + h.errors > 0 ? 1 : 0;
  } finally {
    await api.close();
  }
}

/**
 * The handler's SQL, read from its source so the baseline follows the handler: the template
 * passed to `this.db.query`, with `${CENTRE_COLUMNS}` filled in from centre-view.ts.
 */
function handlerSql(): string {
  const handler = readFileSync(path.join(ROOT, HANDLER), 'utf8');
  const view = readFileSync(path.join(ROOT, CENTRE_VIEW), 'utf8');
  const query = /this\.db\.query[^(]*\(\s*`([^`]*)`/.exec(handler)?.[1];
  const columns = /export const CENTRE_COLUMNS\s*=\s*`([^`]*)`/.exec(view)?.[1];
  if (!query || !columns)
    fail(
      `could not find the SQL in ${HANDLER} / CENTRE_COLUMNS in ${CENTRE_VIEW}; update bench/centres-near.bench.ts`,
    );
  const sql = query.replace('${CENTRE_COLUMNS}', columns);
  if (sql.includes('${'))
    fail(
      `the SQL in ${HANDLER} interpolates something the bench does not know; update bench/centres-near.bench.ts`,
    );
  return sql;
}

/** Before measuring: the route and the SQL must give the same answer (else the ratio means nothing). */
async function checkSameAnswers(url: string, sqlText: string, port: number) {
  return withClient(url, async (c) => {
    // Random points, plus points on real centres so that some answers are not empty.
    const { rows: onCentres } = await c.query<{ lat: number; lng: number }>(
      `SELECT round(ST_Y(location::geometry)::numeric, 5)::float8 AS lat, round(ST_X(location::geometry)::numeric, 5)::float8 AS lng
         FROM centres WHERE name LIKE $1 ORDER BY name LIMIT 5`,
      [`${NAME_PREFIX}%`],
    );
    const points = [
      ...onCentres.map((r): [number, number] => [r.lat, r.lng]),
      ...randomPoints(30, SEED + 1),
    ];
    let nonEmpty = 0;
    for (const [lat, lng] of points) {
      const { rows } = await c.query<{ id: string; total: string }>(sqlText, [
        lat,
        lng,
        RADIUS_KM,
        null,
        PAGE_LIMIT,
        0,
      ]);
      const res = await fetch(
        `http://127.0.0.1:${port}${ROUTE}?lat=${lat}&lng=${lng}&radiusKm=${RADIUS_KM}`,
      );
      if (res.status !== 200)
        fail(
          `check: GET ${ROUTE} at ${lat},${lng} answered ${res.status}: ${(await res.text()).slice(0, 300)}`,
        );
      const page = (await res.json()) as { items: Array<{ id: string }>; total: number };
      const same =
        page.items.map((x) => x.id).join() === rows.map((r) => r.id).join() &&
        page.total === Number(rows[0]?.total ?? 0);
      if (!same)
        fail(
          `check: at ${lat},${lng} the route and the SQL disagree (${page.items.length} items vs ${rows.length} rows)`,
        );
      if (rows.length) nonEmpty++;
    }
    if (!nonEmpty) fail('check: every answer was empty; is the data there?');
    return { points: points.length, nonEmpty };
  });
}

function findRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, HANDLER))) return dir;
  }
  return process.cwd();
}

runMain(main);
