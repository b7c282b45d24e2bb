/**
 * Benchmark of the public geo query `GET /api/v1/centres?lat=&lng=&radiusKm=10`, side by side
 * with its database ceiling measured in the same run:
 *   SQL   the FindCentresNear handler's SQL, run directly with `pg` (same concurrency, same pool size)
 *   HTTP  the full route through the real API booted in this process (AppModule + configureHttpApp)
 * Data lives in a dedicated database (`carebook_bench`, created when missing); never `carebook`
 * or `carebook_test`. Usage: `npm run bench:centres -- --help`.
 */
import 'reflect-metadata';
import { configureHttpApp, dataSourceOptions } from '@carebook/core';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import type { LoadJob, LoadResult } from './load-worker';

const HANDLER =
  'libs/centres/src/application/queries/find-centres-near/find-centres-near.handler.ts';
const CENTRE_VIEW = 'libs/centres/src/application/centre-view.ts';
const ROOT = findRoot(__dirname);
const ROUTE = '/api/v1/centres';
const BOX = { lat: [8, 32], lng: [68, 92] } as const; // India, roughly
const RADIUS_KM = 10;
const PAGE_LIMIT = 20; // the route's default `limit`
const SEED = 20261122;

interface Options {
  concurrency: number;
  durationS: number;
  warmupS: number;
  centres: number;
  pool: number;
  maxRequests: number;
  databaseUrl: string;
  redisUrl: string;
  json: boolean;
}

const HELP = `Usage: npm run bench:centres -- [options]     (options also from BENCH_* variables)

  --concurrency N    requests in flight, both targets     BENCH_CONCURRENCY   default 16   (1-256)
  --duration S       measured seconds per target          BENCH_DURATION      default 10   (1-120)
  --warmup S         unmeasured seconds per target first  BENCH_WARMUP        default 2    (0-30)
  --centres N        centres in the bench database        BENCH_CENTRES       default 10000 (1-1000000)
  --pool N           PostgreSQL connections, both targets BENCH_POOL          default 10   (1-100; the API's default)
  --max-requests N   cap per measured phase               BENCH_MAX_REQUESTS  default 1000000
  --json             print the figures as JSON instead of a table
  BENCH_DATABASE_URL  default postgres://postgres@127.0.0.1:5432/carebook_bench (name must contain "bench")
  BENCH_REDIS_URL     default redis://127.0.0.1:6379 (the API connects to Redis; queues prefixed carebook-bench)
`;

async function main(): Promise<number> {
  const opts = readOptions();
  const started = Date.now();
  const log = (line: string) => {
    if (!opts.json) console.log(line);
  };

  const { pg: pgVersion, postgis } = await prepareDatabase(opts, log);
  const sqlText = handlerSql();
  const points = randomPoints(Math.min(opts.maxRequests, 20_000) * 2, SEED);

  log('booting the API in-process ...');
  const api = await bootApi(opts);
  try {
    const check = await checkSameAnswers(opts, sqlText, api.port);
    log(
      `check: ${check.points} points, HTTP items = SQL rows (ids, order, total) at every one; ${check.nonEmpty} non-empty`,
    );

    const base: Omit<LoadJob, 'target'> = {
      concurrency: opts.concurrency,
      warmupMs: opts.warmupS * 1000,
      durationMs: opts.durationS * 1000,
      maxRequests: opts.maxRequests,
      points,
      radiusKm: RADIUS_KM,
      limit: PAGE_LIMIT,
    };
    log(`load: SQL for ${opts.warmupS} + ${opts.durationS} s ...`);
    const sql = await runLoad({
      ...base,
      target: 'sql',
      sql: { url: opts.databaseUrl, poolSize: opts.pool, text: sqlText },
    });
    log(`load: HTTP for ${opts.warmupS} + ${opts.durationS} s ...`);
    const httpResult = await runLoad({
      ...base,
      target: 'http',
      http: { port: api.port, pathPrefix: ROUTE },
    });

    const s = summarise(sql);
    const h = summarise(httpResult);
    const ratio = {
      rps: h.rps / s.rps,
      p50: h.p50 / s.p50,
      p95: h.p95 / s.p95,
      p99: h.p99 / s.p99,
    };
    const errors = sql.errors + httpResult.errors;
    if (opts.json) {
      console.log(
        JSON.stringify(
          { options: { ...opts, databaseUrl: redact(opts.databaseUrl) }, sql: s, http: h, ratio },
          null,
          2,
        ),
      );
    } else {
      const cpu = os.cpus();
      console.log('');
      console.log(
        `carebook bench: GET ${ROUTE}?lat=&lng=&radiusKm=${RADIUS_KM} against its own SQL, same run`,
      );
      console.log(
        `machine  ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, PostgreSQL ${pgVersion}, PostGIS ${postgis}`,
      );
      console.log(
        `NOTE     load generator (worker thread), API (main thread) and PostgreSQL share these ${cpu.length} cores:`,
      );
      console.log('         read the ratio, not the absolute capacity of a server.');
      console.log(
        `data     ${dbName(opts.databaseUrl)}: ${opts.centres.toLocaleString('en')} centres at random points, lat ${BOX.lat.join('-')}, lng ${BOX.lng.join('-')}`,
      );
      console.log(
        `load     ${opts.concurrency} in flight, ${opts.warmupS} s warm-up + ${opts.durationS} s measured per target, random points in the same box,`,
      );
      console.log(
        `         keep-alive loopback; ${opts.pool} PostgreSQL connections for both (SQL: pg Pool; HTTP: DATABASE_POOL_SIZE)`,
      );
      console.log(
        `SQL      copied at run time from ${HANDLER}, limit ${PAGE_LIMIT}, ${(s.volume / Math.max(s.requests, 1)).toFixed(2)} rows per query on average`,
      );
      console.log(
        `HTTP     LOG_LEVEL=silent, throttle 1,000,000/min, ${Math.round(h.volume / Math.max(h.requests, 1))} bytes per response on average`,
      );
      console.log('');
      printTable([
        ['', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'errors'],
        [
          'SQL (pg, direct)',
          fmtInt(s.rps),
          fmtMs(s.p50),
          fmtMs(s.p95),
          fmtMs(s.p99),
          fmtInt(s.requests),
          fmtInt(s.errors),
        ],
        [
          `HTTP GET ${ROUTE}`,
          fmtInt(h.rps),
          fmtMs(h.p50),
          fmtMs(h.p95),
          fmtMs(h.p99),
          fmtInt(h.requests),
          fmtInt(h.errors),
        ],
        ['HTTP / SQL', fmtX(ratio.rps), fmtX(ratio.p50), fmtX(ratio.p95), fmtX(ratio.p99), '', ''],
      ]);
      if (sql.firstError) console.log(`first SQL error: ${sql.firstError}`);
      if (httpResult.firstError) console.log(`first HTTP error: ${httpResult.firstError}`);
      console.log(`\n(total ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    return errors > 0 ? 1 : 0;
  } finally {
    await api.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Options

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      concurrency: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      centres: { type: 'string' },
      pool: { type: 'string' },
      'max-requests': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const env = process.env;
  const num = (
    name: string,
    raw: string | undefined,
    fallback: number,
    min: number,
    max: number,
  ): number => {
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      fail(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return value;
  };
  const databaseUrl = env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/carebook_bench';
  const name = dbName(databaseUrl);
  if (!/bench/i.test(name) || ['carebook', 'carebook_test', 'postgres'].includes(name)) {
    fail(`BENCH_DATABASE_URL must name a dedicated bench database (got "${name}")`);
  }
  return {
    concurrency: num('--concurrency', values.concurrency ?? env.BENCH_CONCURRENCY, 16, 1, 256),
    durationS: num('--duration', values.duration ?? env.BENCH_DURATION, 10, 1, 120),
    warmupS: num('--warmup', values.warmup ?? env.BENCH_WARMUP, 2, 0, 30),
    centres: num('--centres', values.centres ?? env.BENCH_CENTRES, 10_000, 1, 1_000_000),
    pool: num('--pool', values.pool ?? env.BENCH_POOL, 10, 1, 100),
    maxRequests: num(
      '--max-requests',
      values['max-requests'] ?? env.BENCH_MAX_REQUESTS,
      1_000_000,
      1,
      10_000_000,
    ),
    databaseUrl,
    redisUrl: env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
    json: values.json ?? false,
  };
}

// ---------------------------------------------------------------------------------------------
// Database: create, migrate, seed

async function prepareDatabase(
  opts: Options,
  log: (line: string) => void,
): Promise<{ pg: string; postgis: string }> {
  const name = dbName(opts.databaseUrl);
  const maintenance = new URL(opts.databaseUrl);
  maintenance.pathname = '/postgres';
  await withClient(maintenance.toString(), async (c) => {
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return;
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
      log(`created database ${name}`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error; // created meanwhile
    }
  });

  const versions = await withClient(opts.databaseUrl, async (c) => {
    for (const ext of ['postgis', 'btree_gist', 'citext', 'pgcrypto'])
      await c.query(`CREATE EXTENSION IF NOT EXISTS ${ext}`);
    const { rows } = await c.query<{ pg: string; postgis: string }>(
      `SELECT current_setting('server_version') AS pg, extversion AS postgis FROM pg_extension WHERE extname = 'postgis'`,
    );
    return rows[0];
  });

  const db = new DataSource(
    dataSourceOptions({ url: opts.databaseUrl, poolSize: 1 }, 'carebook-bench-migrate'),
  );
  await db.initialize();
  try {
    const applied = await db.runMigrations({ transaction: 'each' });
    if (applied.length) log(`migrated ${name}: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await db.destroy();
  }

  await withClient(opts.databaseUrl, async (c) => {
    const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM centres');
    if (rows[0].n === opts.centres) {
      log(`data: ${name} already holds ${opts.centres.toLocaleString('en')} centres`);
      return;
    }
    const t0 = Date.now();
    await c.query('BEGIN');
    try {
      if (rows[0].n > 0) await c.query('TRUNCATE centres CASCADE'); // bench database only (checked above)
      await c.query('SELECT setseed(0.42)'); // same points every time for a given N
      await c.query(
        `INSERT INTO centres (name, city, address, phone, email, location)
         SELECT 'Bench centre ' || g,
                (ARRAY['Bengaluru','Mumbai','New Delhi','Chennai','Hyderabad','Kolkata','Pune','Ahmedabad','Jaipur','Kochi'])[1 + g % 10],
                'Bench address ' || g,
                '+91' || (9000000000 + g)::text,
                'bench' || g || '@carebook.example',
                ST_SetSRID(ST_MakePoint(${BOX.lng[0]} + random() * ${BOX.lng[1] - BOX.lng[0]},
                                        ${BOX.lat[0]} + random() * ${BOX.lat[1] - BOX.lat[0]}), 4326)::geography
           FROM generate_series(1, $1::int) AS g`,
        [opts.centres],
      );
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK');
      throw error;
    }
    await c.query('VACUUM ANALYZE centres');
    log(
      `data: inserted ${opts.centres.toLocaleString('en')} centres into ${name} in ${Date.now() - t0} ms`,
    );
  });
  return versions;
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

// ---------------------------------------------------------------------------------------------
// API

async function bootApi(opts: Options): Promise<{ port: number; close: () => Promise<void> }> {
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    // The brief asked for 100000000; configuration caps RATE_LIMIT_PER_MINUTE at 1,000,000.
    RATE_LIMIT_PER_MINUTE: '1000000',
    DATABASE_URL: opts.databaseUrl,
    DATABASE_POOL_SIZE: String(opts.pool),
    REDIS_URL: opts.redisUrl,
    QUEUE_PREFIX: 'carebook-bench',
    JWT_SECRET: randomBytes(32).toString('hex'),
    CORS_ORIGINS: 'http://127.0.0.1',
    DEV_MESSAGES: '0',
    BOOTSTRAP_ADMIN_USERNAME: undefined,
    BOOTSTRAP_ADMIN_PASSWORD: undefined,
    BOOTSTRAP_ADMIN_PHONE: undefined,
  };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ env }), {
    bufferLogs: true,
  });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { port, close: () => app.close() };
}

/** Before measuring: the route and the SQL must give the same answer (else the ratio means nothing). */
async function checkSameAnswers(
  opts: Options,
  sqlText: string,
  port: number,
): Promise<{ points: number; nonEmpty: number }> {
  return withClient(opts.databaseUrl, async (c) => {
    // Random points, plus points on real centres so that some answers are not empty.
    const { rows: onCentres } = await c.query<{ lat: number; lng: number }>(
      `SELECT round(ST_Y(location::geometry)::numeric, 5)::float8 AS lat, round(ST_X(location::geometry)::numeric, 5)::float8 AS lng
         FROM centres ORDER BY name LIMIT 5`,
    );
    const sample = randomPoints(60, SEED + 1);
    const points: Array<[number, number]> = onCentres.map((r) => [r.lat, r.lng]);
    for (let i = 0; i < sample.length; i += 2) points.push([sample[i], sample[i + 1]]);
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

// ---------------------------------------------------------------------------------------------
// Load, statistics, output

function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'load-worker.js'), { workerData: job });
    let result: LoadResult | undefined;
    worker.once('message', (r: LoadResult) => (result = r));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      result
        ? resolve(result)
        : reject(new Error(`load worker exited with code ${code} without a result`)),
    );
  });
}

interface Summary {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  seconds: number;
  volume: number;
}

function summarise(r: LoadResult): Summary {
  const sorted = r.latenciesMs.slice().sort();
  const pct = (q: number) =>
    sorted.length
      ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
      : NaN;
  return {
    rps: sorted.length / (r.elapsedMs / 1000),
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    requests: sorted.length,
    errors: r.errors,
    seconds: r.elapsedMs / 1000,
    volume: r.volume,
  };
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [n, row] of rows.entries()) {
    console.log(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('   '),
    );
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('   '));
  }
}

const fmtInt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '-');
const fmtMs = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
const fmtX = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}x` : '-');

// ---------------------------------------------------------------------------------------------
// Helpers

/** `n / 2` [lat, lng] pairs (flattened) uniformly in the box, rounded to 5 decimals (~1 m), seeded. */
function randomPoints(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const rand = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    out[i] = Math.round((BOX.lat[0] + rand() * (BOX.lat[1] - BOX.lat[0])) * 1e5) / 1e5;
    out[i + 1] = Math.round((BOX.lng[0] + rand() * (BOX.lng[1] - BOX.lng[0])) * 1e5) / 1e5;
  }
  return out;
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url, application_name: 'carebook-bench' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function dbName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function findRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, HANDLER))) return dir;
  }
  return process.cwd();
}

class BenchError extends Error {}
function fail(message: string): never {
  throw new BenchError(message);
}

main().then(
  (code) => {
    process.exitCode = code;
    setTimeout(() => process.exit(code), 3000).unref(); // never hang on a stray handle
  },
  (error: Error) => {
    console.error(error instanceof BenchError ? `bench: ${error.message}` : error);
    process.exit(1);
  },
);
