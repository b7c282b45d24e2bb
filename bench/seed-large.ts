/**
 * `npm run seed:large`: loads 100,000 clinicians (default) at 2,000 centres spread over India
 * into the bench database (`carebook_bench`, created and migrated when missing; refuses any
 * database whose name lacks "bench"): staff users, clinicians with specializations, languages
 * and fees, weekly availability rules, and their `directory_clinicians` rows with slot runs for
 * the next 16 days (and their `directory_specializations` rows), then puts the directory in
 * location order as the worker does after bulk changes. Built with set-based SQL (generate_series) in one transaction, not through
 * the commands and the worker's projection: projecting 100,000 clinicians one by one would take
 * far too long. Idempotent: skipped when already loaded at this size. See lib/large-dataset.ts.
 */
import 'reflect-metadata';
import { dbName, prepareDatabase, withClient } from './lib/db';
import { ensureLarge } from './lib/large-dataset';
import { LARGE_PREFIX } from './lib/large-sql';
import { readOptions } from './lib/options';
import { runMain } from './lib/report';

async function main(): Promise<number> {
  const opts = readOptions('npm run seed:large --', {
    clinicians: { default: 100_000, min: 1, max: 1_000_000, help: 'clinicians to load' },
    centres: { default: 2_000, min: 1, max: 100_000, help: 'centres they work at' },
  });
  await prepareDatabase(opts.databaseUrl, console.log);
  await withClient(opts.databaseUrl, async (c) => {
    const done = await ensureLarge(c, opts.centres, opts.clinicians);
    console.log(
      `${dbName(opts.databaseUrl)}: ${opts.clinicians.toLocaleString('en')} clinicians at ${opts.centres.toLocaleString('en')} centres: ${done}`,
    );
    const { rows } = await c.query(
      `SELECT count(*)::int AS clinicians, count(DISTINCT d.city)::int AS cities,
              (SELECT count(*)::int FROM availability_rules r JOIN centres ce ON ce.id = r.centre_id AND ce.name LIKE '${LARGE_PREFIX}%') AS rules,
              round(avg((SELECT count(*) FROM unnest(d.slot_starts)))::numeric, 1)::float8 AS runs_per_clinician,
              round(avg(cardinality(d.specialization_keys))::numeric, 2)::float8 AS specializations_per_clinician,
              pg_size_pretty(pg_total_relation_size('directory_clinicians')) AS directory_size
         FROM directory_clinicians d JOIN centres ce ON ce.id = d.primary_centre_id AND ce.name LIKE '${LARGE_PREFIX}%'`,
    );
    console.table(rows);
  });
  return 0;
}

runMain(main);
