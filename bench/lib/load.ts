/** Drives the load worker and turns latencies into figures. */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { LoadJob, LoadResult } from './load-worker';

export type { HttpTarget, LoadJob, LoadResult, SqlTarget } from './load-worker';

/** Runs one load job in a worker thread (compiled next to this file). */
export function runLoad(job: LoadJob): Promise<LoadResult> {
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

export interface Summary {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  seconds: number;
  volume: number;
}

/** Figures of a load result (or of latencies measured in-process: `errors`, `volume` 0). */
export function summarise(
  r: Pick<LoadResult, 'latenciesMs' | 'elapsedMs'> & Partial<LoadResult>,
): Summary {
  const sorted = Float64Array.from(r.latenciesMs).sort();
  return {
    rps: sorted.length / (r.elapsedMs / 1000),
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    requests: sorted.length,
    errors: r.errors ?? 0,
    seconds: r.elapsedMs / 1000,
    volume: r.volume ?? 0,
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  return n ? sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))] : NaN;
}

/**
 * Calls `fn` one at a time in this thread: `warmup` unmeasured calls, then up to `iterations`
 * measured ones within `maxMs`. Answers the latencies (ms) and the elapsed time.
 */
export async function sampleSequential(
  fn: () => Promise<unknown>,
  opts: { warmup: number; iterations: number; maxMs: number },
): Promise<{ latenciesMs: Float64Array; elapsedMs: number }> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const latencies: number[] = [];
  const start = performance.now();
  while (latencies.length < opts.iterations && performance.now() - start < opts.maxMs) {
    const t0 = performance.now();
    await fn();
    latencies.push(performance.now() - t0);
  }
  return { latenciesMs: Float64Array.from(latencies), elapsedMs: performance.now() - start };
}

/** Seeded PRNG (mulberry32): the same sequence every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
