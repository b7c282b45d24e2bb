/**
 * Command-line options of the benches: whole numbers from `--name N` or `BENCH_<NAME>`, plus
 * `--json`, `--help`, and the bench database / Redis URLs. The database must be a dedicated
 * one (its name contains "bench"): `carebook` and `carebook_test` are never touched.
 */
import { parseArgs } from 'node:util';
import { dbName } from './db';
import { fail } from './report';

export interface NumSpec {
  default: number;
  min: number;
  max: number;
  help: string;
}

export interface CommonOptions {
  databaseUrl: string;
  redisUrl: string;
  json: boolean;
}

const DEFAULT_DB = 'postgres://postgres@127.0.0.1:5432/carebook_bench';

/** `--max-requests` -> `BENCH_MAX_REQUESTS`. */
const envName = (flag: string) => `BENCH_${flag.replace(/-/g, '_').toUpperCase()}`;

export function readOptions<K extends string>(
  usage: string,
  spec: Record<K, NumSpec>,
): Record<K, number> & CommonOptions {
  const flags = Object.keys(spec) as K[];
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }])),
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(helpText(usage, spec));
    process.exit(0);
  }
  const out = {} as Record<K, number>;
  for (const flag of flags) {
    const s = spec[flag];
    const raw = (values as Record<string, unknown>)[flag] ?? process.env[envName(flag)];
    if (raw === undefined || String(raw).trim() === '') {
      out[flag] = s.default;
      continue;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < s.min || value > s.max)
      fail(`--${flag} must be a whole number from ${s.min} to ${s.max} (got "${String(raw)}")`);
    out[flag] = value;
  }
  return { ...out, ...commonOptions(values.json ?? false) };
}

/** The bench database URL (checked) and the Redis URL, from the environment. */
export function commonOptions(json = false): CommonOptions {
  const databaseUrl = process.env.BENCH_DATABASE_URL || DEFAULT_DB;
  const name = dbName(databaseUrl);
  if (!/bench/i.test(name) || ['carebook', 'carebook_test', 'postgres'].includes(name))
    fail(`BENCH_DATABASE_URL must name a dedicated bench database (got "${name}")`);
  return { databaseUrl, redisUrl: process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379', json };
}

function helpText(usage: string, spec: Record<string, NumSpec>): string {
  const lines = Object.entries(spec).map(([flag, s]) => {
    const left = `  --${flag} N`.padEnd(20);
    return `${left}${s.help.padEnd(44)} ${envName(flag).padEnd(22)} default ${s.default} (${s.min}-${s.max})`;
  });
  return [
    `Usage: ${usage} [options]     (options also from BENCH_* variables)`,
    '',
    ...lines,
    '  --json              print the figures as JSON instead of a table',
    `  BENCH_DATABASE_URL  default ${DEFAULT_DB} (name must contain "bench")`,
    '  BENCH_REDIS_URL     default redis://127.0.0.1:6379 (the API connects to Redis; queues prefixed carebook-bench)',
  ].join('\n');
}
