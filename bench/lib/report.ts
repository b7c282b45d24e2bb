/** Output shared by the benches: the machine line, aligned tables, number formats, exit handling. */
import os from 'node:os';

export class BenchError extends Error {}

/** Stops the bench with a message (no stack trace). */
export function fail(message: string): never {
  throw new BenchError(message);
}

/** Runs a bench's `main`: exit code from its answer, never hangs on a stray handle. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
      setTimeout(() => process.exit(code), 3000).unref();
    },
    (error: Error) => {
      console.error(error instanceof BenchError ? `bench: ${error.message}` : error);
      process.exit(1);
    },
  );
}

/** `machine  2 cores (...), Node ..., PostgreSQL ..., PostGIS ...` and the shared-cores note. */
export function machineLines(versions: { pg: string; postgis: string }): string[] {
  const cpu = os.cpus();
  return [
    `machine  ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, PostgreSQL ${versions.pg}, PostGIS ${versions.postgis}`,
    `NOTE     load generator (worker thread), API (main thread) and PostgreSQL share these ${cpu.length} cores:`,
    '         read the ratios, not the absolute capacity of a server.',
  ];
}

/** Prints rows as a table: first row is the header, first column left-aligned, others right. */
export function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const [n, row] of rows.entries()) {
    console.log(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('   ')
        .trimEnd(),
    );
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('   '));
  }
}

export const fmtInt = (n: number) =>
  Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '-';
export const fmtMs = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
export const fmtX = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}x` : '-');
export const fmtPct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(0)} %` : '-');

/** `met` / `MISSED` against a target, for the target lines (nothing is asserted). */
export const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** Load figures (see load.ts) as table cells. */
export interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
}

/** The usual table of load runs: one row per target, then extra rows (ratios). */
export function printLoadTable(
  rows: Array<[string, Figures]>,
  extra: string[][] = [],
  rate = 'req/s',
): void {
  printTable([
    ['', rate, 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'errors'],
    ...rows.map(([name, x]) => [
      name,
      fmtInt(x.rps),
      fmtMs(x.p50),
      fmtMs(x.p95),
      fmtMs(x.p99),
      fmtInt(x.requests),
      fmtInt(x.errors),
    ]),
    ...extra,
  ]);
}

/** Title, machine lines, then the bench's own description lines and a blank line. */
export function printHeader(
  title: string,
  versions: { pg: string; postgis: string },
  lines: string[],
): void {
  console.log(`\ncarebook bench: ${title}`);
  for (const line of [...machineLines(versions), ...lines]) console.log(line);
  console.log('');
}

/** `(total 12.3 s)` since `started` (ms epoch). */
export function printTotal(started: number): void {
  console.log(`\n(total ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
