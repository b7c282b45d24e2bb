/**
 * Load generator, run in a worker thread so that it does not share the API's event loop (the
 * API is booted in the main thread). It drives one target at a fixed concurrency through a
 * prepared list of requests, taken in order: SQL through a `pg` pool (several statements of a
 * request run as one transaction on a checked-out client), or HTTP through a keep-alive
 * `node:http` agent. Warm-up first, then a measured phase bounded by time and request count;
 * `cycle: false` stops at the end of the list (each request used once, e.g. distinct bookings).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';

export interface SqlTarget {
  kind: 'sql';
  url: string;
  poolSize: number;
  /** Statements of one request, in order; more than one run inside BEGIN ... COMMIT. */
  statements: string[];
  /** Per request, the parameters of each statement. */
  params: unknown[][][];
}

export interface HttpTarget {
  kind: 'http';
  port: number;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Per request: its path (with query string). */
  paths: string[];
  /** Per request (POST): its JSON body. */
  bodies?: string[];
  /** Statuses that count as success (default 200). */
  okStatus?: number[];
}

export interface LoadJob {
  target: SqlTarget | HttpTarget;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  maxRequests: number;
  cycle: boolean;
}

export interface LoadResult {
  /** Latency of every successful request of the measured phase, in ms (unsorted). */
  latenciesMs: Float64Array;
  errors: number;
  firstError?: string;
  elapsedMs: number;
  /** SQL: rows returned by the last statement in total; HTTP: response body bytes in total. */
  volume: number;
}

type Send = (i: number) => Promise<number>;

async function run(job: LoadJob): Promise<LoadResult> {
  const { send, close, count } = await openTarget(job.target);
  try {
    let next = 0; // continues from warm-up into the measured phase: both targets see one sequence
    const phase = async (ms: number) => {
      const latencies: number[] = [];
      let errors = 0;
      let firstError: string | undefined;
      let volume = 0;
      let started = 0;
      const start = performance.now();
      const deadline = start + ms;
      const loop = async () => {
        while (started < job.maxRequests && performance.now() < deadline) {
          if (!job.cycle && next >= count) return;
          started++;
          const i = next++ % count;
          const t0 = performance.now();
          try {
            const amount = await send(i);
            latencies.push(performance.now() - t0);
            volume += amount; // not `volume += await ...`: that reads volume before awaiting
          } catch (error) {
            errors++;
            firstError ??= (error as Error).message;
          }
        }
      };
      await Promise.all(Array.from({ length: job.concurrency }, loop));
      const elapsedMs = performance.now() - start;
      return { latenciesMs: Float64Array.from(latencies), errors, firstError, volume, elapsedMs };
    };
    if (job.warmupMs > 0) await phase(job.warmupMs);
    return await phase(job.durationMs);
  } finally {
    await close();
  }
}

async function openTarget(
  t: SqlTarget | HttpTarget,
): Promise<{ send: Send; close: () => Promise<void>; count: number }> {
  if (t.kind === 'sql') {
    const pool = new Pool({
      connectionString: t.url,
      max: t.poolSize,
      application_name: 'carebook-bench-sql',
    });
    // Open every connection before the clock starts (the first query on one costs 9-19 ms).
    const clients = await Promise.all(Array.from({ length: t.poolSize }, () => pool.connect()));
    await Promise.all(clients.map((c) => c.query('SELECT 1')));
    clients.forEach((c) => c.release());
    const [single] = t.statements;
    const send: Send = async (i) => {
      if (t.statements.length === 1)
        return (await pool.query(single, t.params[i][0])).rowCount ?? 0;
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        let rows = 0;
        for (const [s, text] of t.statements.entries())
          rows = (await c.query(text, t.params[i][s])).rowCount ?? 0;
        await c.query('COMMIT');
        c.release();
        return rows;
      } catch (error) {
        await c.query('ROLLBACK').catch(() => undefined);
        c.release();
        throw error;
      }
    };
    return { send, close: () => pool.end(), count: t.params.length };
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const ok = t.okStatus ?? [200];
  const send: Send = (i) =>
    new Promise((resolve, reject) => {
      const body = t.bodies?.[i];
      const headers: Record<string, string | number> = { accept: 'application/json', ...t.headers };
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(body);
      }
      const req = http.request(
        { host: '127.0.0.1', port: t.port, method: t.method, path: t.paths[i], agent, headers },
        (res) => {
          let bytes = 0;
          const failed = !ok.includes(res.statusCode ?? 0);
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (failed) chunks.push(chunk);
          });
          res.on('end', () =>
            failed
              ? reject(
                  new Error(
                    `HTTP ${res.statusCode} ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`,
                  ),
                )
              : resolve(bytes),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('no response within 10 s')));
      req.on('error', reject);
      req.end(body);
    });
  return { send, close: async () => agent.destroy(), count: t.paths.length };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  run(workerData as LoadJob).then(
    (result) => port.postMessage(result, [result.latenciesMs.buffer as ArrayBuffer]),
    (error: Error) => {
      throw error; // surfaces as the worker's 'error' event in the main thread
    },
  );
}
