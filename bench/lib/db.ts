/** The bench database: created with its extensions and migrated when missing; small pg helpers. */
import { dataSourceOptions } from '@carebook/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

export interface Versions {
  pg: string;
  postgis: string;
}

/**
 * Creates the database named by `url` when missing (its name was checked to contain "bench"),
 * installs the extensions, and runs every pending migration, like `npm start` does.
 */
export async function prepareDatabase(url: string, log: (line: string) => void): Promise<Versions> {
  const name = dbName(url);
  const maintenance = new URL(url);
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

  const versions = await withClient(url, async (c) => {
    for (const ext of ['postgis', 'btree_gist', 'citext', 'pgcrypto'])
      await c.query(`CREATE EXTENSION IF NOT EXISTS ${ext}`);
    const { rows } = await c.query<Versions>(
      `SELECT current_setting('server_version') AS pg, extversion AS postgis FROM pg_extension WHERE extname = 'postgis'`,
    );
    return rows[0];
  });

  const db = new DataSource(dataSourceOptions({ url, poolSize: 1 }, 'carebook-bench-migrate'));
  await db.initialize();
  try {
    const applied = await db.runMigrations({ transaction: 'each' });
    if (applied.length) log(`migrated ${name}: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await db.destroy();
  }
  return versions;
}

/** Runs `fn` with a fresh connection, closed afterwards. */
export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = await connect(url, 'carebook-bench');
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function connect(url: string, applicationName: string): Promise<Client> {
  const c = new Client({ connectionString: url, application_name: applicationName });
  await c.connect();
  return c;
}

/** Runs `fn` inside BEGIN ... COMMIT (ROLLBACK on error). */
export async function inTransaction<T>(c: Client, fn: () => Promise<T>): Promise<T> {
  await c.query('BEGIN');
  try {
    const result = await fn();
    await c.query('COMMIT');
    return result;
  } catch (error) {
    await c.query('ROLLBACK');
    throw error;
  }
}

export function dbName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
