// PostgreSQL probing, database and extension set-up. Uses the project's `pg` (load after npm install).
import { createRequire } from 'node:module';
import path from 'node:path';
import { FatalError } from './ui.mjs';

export const EXTENSIONS = ['postgis', 'btree_gist', 'citext', 'pgcrypto'];

let pg;
/** Load `pg` from the project's node_modules. */
export function loadPg(root) {
  pg ??= createRequire(path.join(root, 'package.json'))('pg');
  return pg;
}

/** { host, port, database, user, hasPassword } of a postgres:// URL. */
export function parsePgUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new FatalError(`This is not a valid PostgreSQL URL: ${url}`, ['Expected postgres://USER:PASSWORD@HOST:5432/DATABASE']);
  }
  if (!/^postgres(ql)?:$/.test(u.protocol)) {
    throw new FatalError(`A PostgreSQL URL must start with postgres:// (got ${u.protocol}//…).`);
  }
  return {
    host: u.searchParams.get('host') || decodeURIComponent(u.hostname).replace(/^\[|\]$/g, ''),
    port: Number(u.port || u.searchParams.get('port') || 5432),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres',
    user: decodeURIComponent(u.username),
    hasPassword: u.password !== '',
  };
}

/** The same URL pointing at another database. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** The same URL with another user and password. */
export function withCredentials(url, user, password) {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** host:port, or the socket directory. */
export function where(url) {
  const { host, port } = parsePgUrl(url);
  if (!host || host.startsWith('/')) return `${host || 'the default socket'} (port ${port})`;
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ENOENT', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EADDRNOTAVAIL', 'EPIPE',
]);

/** 'down' (nothing answers / starting up), 'auth' (credentials refused) or 'other'. */
export function classify(err) {
  const code = err?.code ?? err?.errors?.[0]?.code;
  if (NETWORK_CODES.has(code) || code === '57P03' /* starting up */) return 'down';
  if (/timeout|terminated unexpectedly|ECONNREFUSED/i.test(err?.message ?? '')) return 'down';
  if (code === '28P01' || code === '28000' || /password|SASL|SCRAM|authentication/i.test(err?.message ?? '')) return 'auth';
  return 'other';
}

/** A short description of a connection error. */
export function describeError(err) {
  const code = err?.code ?? err?.errors?.[0]?.code;
  const message = err?.message || err?.errors?.[0]?.message || String(err);
  return code && !message.includes(code) ? `${message} [${code}]` : message;
}

async function connect(url) {
  const { Client } = pg;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    client.end().catch(() => {});
    throw err;
  }
  return client;
}

/** Run fn(client) on a fresh connection and close it. */
export async function withClient(url, fn) {
  const client = await connect(url);
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Does a server answer at this URL? Connects to its database, or to the `postgres` (then
 * `template1`) maintenance database when that one does not exist yet.
 * → { ok: true, versionNum, dbExists } | { ok: false, kind: 'down'|'auth'|'other', error }
 */
export async function probePostgres(url) {
  const { database } = parsePgUrl(url);
  for (const db of [...new Set([database, 'postgres', 'template1'])]) {
    try {
      const versionNum = await withClient(withDatabase(url, db), async (c) =>
        Number((await c.query('SHOW server_version_num')).rows[0].server_version_num),
      );
      return { ok: true, versionNum, dbExists: db === database };
    } catch (error) {
      if (error.code === '3D000') continue; // database does not exist
      return { ok: false, kind: classify(error), error };
    }
  }
  return { ok: false, kind: 'other', error: new Error('no database to connect to (tried the target, postgres and template1)') };
}

const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;
export const quoteLiteral = (text) => `'${String(text).replace(/'/g, "''")}'`;

/** Create the URL's database when missing. → true when it was created. */
export async function ensureDatabase(url) {
  const { database, user } = parsePgUrl(url);
  const probe = await probePostgres(url);
  if (!probe.ok) throw probe.error;
  if (probe.dbExists) return false;
  const maintenance = (await probePostgresDb(url, 'postgres')) ? 'postgres' : 'template1';
  try {
    await withClient(withDatabase(url, maintenance), (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
  } catch (err) {
    if (err.code === '42P04') return false; // created meanwhile by someone else
    if (err.code === '42501') {
      throw new FatalError(`The PostgreSQL role "${user}" may not create the database "${database}".`, [
        `Create it yourself (createdb ${database}) or grant CREATEDB to "${user}", or use a URL with a superuser.`,
      ]);
    }
    throw err;
  }
  return true;
}

async function probePostgresDb(url, db) {
  try {
    await withClient(withDatabase(url, db), () => {});
    return true;
  } catch {
    return false;
  }
}

/** Which of `names` the server could CREATE EXTENSION (pg_available_extensions). */
export async function availableExtensions(url, names = EXTENSIONS) {
  return withClient(url, async (c) => {
    const { rows } = await c.query('SELECT name FROM pg_available_extensions WHERE name = ANY($1::text[])', [names]);
    return new Set(rows.map((r) => r.name));
  });
}

/** CREATE EXTENSION IF NOT EXISTS for each name; → the installed PostGIS version ("3.3.2") or null. */
export async function createExtensions(url, names = EXTENSIONS) {
  const { user, database } = parsePgUrl(url);
  return withClient(url, async (c) => {
    for (const name of names) {
      try {
        await c.query(`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)}`);
      } catch (err) {
        if (err.code === '23505' || err.code === '42710') continue; // created concurrently
        if (err.code === '42501') {
          throw new FatalError(`The PostgreSQL role "${user}" may not create the extension ${name} in "${database}".`, [
            `Run as a superuser: psql -d ${database} -c 'CREATE EXTENSION IF NOT EXISTS ${name}', or use a superuser in the URL.`,
          ]);
        }
        throw new FatalError(`CREATE EXTENSION ${name} failed in "${database}": ${describeError(err)}`);
      }
    }
    const { rows } = await c.query("SELECT extversion FROM pg_extension WHERE extname = 'postgis'");
    return rows[0]?.extversion ?? null;
  });
}
