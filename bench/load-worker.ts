/**
 * Load generator, run in a worker thread so that it does not share the API's event loop (the
 * API is booted in the main thread). It drives one target at a fixed concurrency: the raw SQL
 * through a `pg` pool, or the HTTP route through a keep-alive `node:http` agent. Warm-up first,
 * then a measured phase bounded by time and by request count.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';

export interface LoadJob {
  target: 'sql' | 'http';
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  maxRequests: number;
  /** Query points, [lat, lng] pairs flattened; used in order, cycling. */
  points: Float64Array;
  radiusKm: number;
  limit: number;
  sql?: { url: string; poolSize: number; text: string };
  http?: { port: number; pathPrefix: string };
}

export interface LoadResult {
  /** Latency of every successful request of the measured phase, in ms (unsorted). */
  latenciesMs: Float64Array;
  errors: number;
  firstError?: string;
  elapsedMs: number;
  /** SQL: rows returned in total; HTTP: response body bytes in total. */
  volume: number;
}

type Send = (lat: number, lng: number) => Promise<number>;

async function run(job: LoadJob): Promise<LoadResult> {
  const { send, close } = await openTarget(job);
  try {
    let next = 0; // continues from warm-up into the measured phase: both targets see one sequence
    const phase = async (ms: number, maxRequests: number) => {
      const latencies: number[] = [];
      let errors = 0;
      let firstError: string | undefined;
      let volume = 0;
      let started = 0;
      const start = performance.now();
      const deadline = start + ms;
      const loop = async () => {
        while (started < maxRequests && performance.now() < deadline) {
          started++;
          const i = (next++ % (job.points.length / 2)) * 2;
          const t0 = performance.now();
          try {
            const amount = await send(job.points[i], job.points[i + 1]);
            latencies.push(performance.now() - t0);
            volume += amount; // not `volume += await ...`: that reads volume before awaiting
          } catch (error) {
            errors++;
            firstError ??= (error as Error).message;
          }
        }
      };
      await Promise.all(Array.from({ length: job.concurrency }, loop));
      return {
        latenciesMs: Float64Array.from(latencies),
        errors,
        firstError,
        volume,
        elapsedMs: performance.now() - start,
      };
    };
    if (job.warmupMs > 0) await phase(job.warmupMs, job.maxRequests);
    return await phase(job.durationMs, job.maxRequests);
  } finally {
    await close();
  }
}

async function openTarget(job: LoadJob): Promise<{ send: Send; close: () => Promise<void> }> {
  const params = (lat: number, lng: number) => [lat, lng, job.radiusKm, null, job.limit, 0];
  if (job.target === 'sql') {
    const { url, poolSize, text } = job.sql!;
    const pool = new Pool({
      connectionString: url,
      max: poolSize,
      application_name: 'carebook-bench-sql',
    });
    // Open every connection before the clock starts (the first query on one costs 9-19 ms).
    const clients = await Promise.all(Array.from({ length: poolSize }, () => pool.connect()));
    await Promise.all(clients.map((c) => c.query('SELECT 1')));
    clients.forEach((c) => c.release());
    return {
      send: async (lat, lng) => (await pool.query(text, params(lat, lng))).rowCount ?? 0,
      close: () => pool.end(),
    };
  }
  const { port, pathPrefix } = job.http!;
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const send: Send = (lat, lng) =>
    new Promise((resolve, reject) => {
      const path = `${pathPrefix}?lat=${lat}&lng=${lng}&radiusKm=${job.radiusKm}`;
      const req = http.request(
        { host: '127.0.0.1', port, path, agent, headers: { accept: 'application/json' } },
        (res) => {
          let bytes = 0;
          const body: Buffer[] = [];
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (res.statusCode !== 200) body.push(chunk);
          });
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(bytes)
              : reject(
                  new Error(
                    `HTTP ${res.statusCode} ${Buffer.concat(body).toString('utf8').slice(0, 300)}`,
                  ),
                ),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('no response within 10 s')));
      req.on('error', reject);
      req.end();
    });
  return { send, close: async () => agent.destroy() };
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
