/**
 * The large dataset: clinicians at centres clustered around 40 Indian cities, with
 * specializations, languages, fees, weekly rules and their `directory_clinicians` rows. Written
 * set-based in SQL (large-sql.ts: INSERT ... SELECT generate_series, one transaction), not
 * through the commands and the projection: projecting 100,000 clinicians one by one would take
 * far too long. The `slot_starts` runs are derived in SQL from each clinician's rules for the 16
 * local days from today, most sessions cut by one random booked slot (there are no appointment
 * rows behind those holes: the directory is a read model). Rows are recognised by the centre
 * name prefix.
 *
 * Bulk-load settings, for the loading transaction only, as pg_restore does it: foreign-key
 * triggers off (`session_replication_role = replica`; the rows reference each other by
 * construction), and the secondary indexes and the rules' exclusion constraint dropped before the
 * inserts and re-created after them from their catalogue definitions (building an index once
 * beats maintaining it row by row several times over). DDL is transactional: a failed load
 * leaves the schema as it was. Last, the directory is put in location order as the worker does
 * after bulk changes (ReorderDirectory's CLUSTER statements), so a search reads it as a real
 * installation does.
 */
import { DIRECTORY_REORDER_SQL } from '@carebook/directory';
import type { Client } from 'pg';
import { inTransaction } from './db';
import { LARGE_PREFIX, LOAD_STEPS, SLOT_RUNS } from './large-sql';

/**
 * Session settings of the bulk statements (this transaction only): memory for hashes, sorts and
 * index builds, and no nested loops: the statistics describe the tables before the load, and a
 * nested loop over a subquery of 670,000 rules turns seconds into minutes.
 */
const BULK = `SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '512MB'; SET LOCAL enable_nestloop = off`;

export interface LargeCounts {
  centres: number;
  clinicians: number;
  /** Age of the oldest directory row's slot runs, hours. */
  ageHours: number | null;
}

export async function countLarge(c: Client): Promise<LargeCounts> {
  const { rows } = await c.query<LargeCounts>(
    `SELECT (SELECT count(*)::int FROM centres WHERE name LIKE $1) AS centres,
            count(*)::int AS clinicians,
            (extract(epoch FROM now() - min(d.projected_at)) / 3600)::float8 AS "ageHours"
       FROM directory_clinicians d JOIN centres ce ON ce.id = d.primary_centre_id WHERE ce.name LIKE $1`,
    [`${LARGE_PREFIX}%`],
  );
  return rows[0];
}

/**
 * Loads the dataset unless it is there at this size; then only refreshes slot runs older than
 * 48 h (they start on the day they were made; the directory looks 14 days ahead).
 */
export async function ensureLarge(c: Client, centres: number, clinicians: number): Promise<string> {
  const t0 = Date.now();
  const before = await countLarge(c);
  if (before.centres === centres && before.clinicians === clinicians) {
    if ((before.ageHours ?? 0) <= 48) return 'already loaded';
    await inTransaction(c, async () => {
      await c.query(BULK);
      await c.query(`UPDATE directory_clinicians d SET slot_starts = r.runs, projected_at = now()
                       FROM (${SLOT_RUNS}) r WHERE r.clinician_id = d.clinician_id`);
      // Every row has a new version, most of them on other pages: back in location order.
      await reorder(c);
    });
    return `already loaded; slot runs refreshed from today and reordered in ${Date.now() - t0} ms`;
  }
  const times: string[] = [];
  const timed = async (name: string, work: () => Promise<unknown>) => {
    const t = Date.now();
    await work();
    times.push(`${name} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  await inTransaction(c, async () => {
    await c.query(`SET LOCAL session_replication_role = replica`);
    await c.query(BULK);
    if (before.centres || before.clinicians) await timed('remove old', () => removeLarge(c));
    const indexes = await dropSecondaryIndexes(c, [...new Set(LOAD_STEPS.map((s) => s.table))]);
    await c.query('SELECT setseed(0.2026)');
    const loaded: string[] = [];
    for (const step of LOAD_STEPS) {
      // Fresh statistics for the tables this step joins (they describe the tables before the load).
      if (step.analyseFirst) await c.query(`ANALYZE ${loaded.join(', ')}`);
      await timed(step.table, () => c.query(step.sql, step.params({ centres, clinicians })));
      loaded.push(step.table);
    }
    await timed(`${indexes.length} indexes`, async () => {
      for (const sql of indexes) await c.query(sql);
    });
  });
  const tables = [...new Set(LOAD_STEPS.map((s) => s.table))];
  // Location order (CLUSTER also compacts: after a replacement the new rows no longer sit behind
  // as many dead ones, so a reload measures like a first load).
  await timed('reorder', () => reorder(c));
  // Vacuum what searches read (hint bits, visibility map); statistics for the rest.
  const read = ['centres', 'clinicians', 'directory_clinicians', 'directory_specializations'];
  await timed('analyse', async () => {
    await c.query(`VACUUM ANALYZE ${read.join(', ')}`);
    await c.query(`ANALYZE ${tables.filter((t) => !read.includes(t)).join(', ')}`);
  });
  return `loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s (${times.join(', ')})`;
}

/** The directory in location order: the worker's reorder (see ReorderDirectory). */
async function reorder(c: Client): Promise<void> {
  for (const sql of DIRECTORY_REORDER_SQL) await c.query(sql);
}

/** Deletes the large dataset from every table; inside ensureLarge's transaction (FK triggers off). */
async function removeLarge(c: Client): Promise<void> {
  await c.query(`CREATE TEMP TABLE large_ids ON COMMIT DROP AS
                   SELECT id, user_id FROM clinicians
                    WHERE primary_centre_id IN (SELECT id FROM centres WHERE name LIKE '${LARGE_PREFIX}%')`);
  const ids = 'SELECT id FROM large_ids';
  for (const table of [
    'appointments',
    'directory_specializations',
    'directory_clinicians',
    'availability_rules',
    'clinician_time_off',
    'clinician_centres',
  ])
    await c.query(`DELETE FROM ${table} WHERE clinician_id IN (${ids})`);
  await c.query(`DELETE FROM clinicians WHERE id IN (${ids})`);
  await c.query(`DELETE FROM staff_users WHERE id IN (SELECT user_id FROM large_ids)`);
  await c.query(`DELETE FROM centres WHERE name LIKE '${LARGE_PREFIX}%'`);
}

/**
 * Drops every index of the tables (unique, exclusion and primary-key ones as constraints) but
 * the primary keys that foreign keys reference, and answers the statements that re-create them.
 */
async function dropSecondaryIndexes(c: Client, tables: string[]): Promise<string[]> {
  const { rows } = await c.query<{
    tbl: string;
    idx: string;
    def: string;
    con: string | null;
    condef: string | null;
  }>(
    `SELECT x.indrelid::regclass::text AS tbl, i.relname AS idx, pg_get_indexdef(i.oid) AS def,
            con.conname AS con, pg_get_constraintdef(con.oid) AS condef
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       LEFT JOIN pg_constraint con ON con.conindid = i.oid AND con.conrelid = x.indrelid
      WHERE x.indrelid = ANY($1::regclass[])
        AND NOT (x.indisprimary AND EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = x.indrelid))`,
    [tables],
  );
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  for (const r of rows)
    await c.query(
      r.con ? `ALTER TABLE ${r.tbl} DROP CONSTRAINT ${q(r.con)}` : `DROP INDEX ${q(r.idx)}`,
    );
  return rows.map((r) =>
    r.con ? `ALTER TABLE ${r.tbl} ADD CONSTRAINT ${q(r.con)} ${r.condef}` : r.def,
  );
}
