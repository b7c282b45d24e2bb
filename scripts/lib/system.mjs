// Docker Compose and Debian (apt-get, pg_lsclusters) helpers (node: builtins only).
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isTruthy } from './env.mjs';
import { run, tail, which } from './proc.mjs';
import { FatalError, ok, seconds, step } from './ui.mjs';

/** CAREBOOK_NO_INSTALL=1 turns off everything that installs or starts services (Docker, apt-get). */
export const installsDisabled = (env) => isTruthy(env.CAREBOOK_NO_INSTALL);

/** Is the host this machine? ('' or a /path means a unix socket.) */
export function isLocalHost(host) {
  const h = String(host || '').replace(/^\[|\]$/g, '').toLowerCase();
  return h === '' || h.startsWith('/') || h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Does something accept TCP connections on 127.0.0.1:port? */
export function portInUse(port, host = '127.0.0.1', timeoutMs = 700) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (inUse) => {
      socket.destroy();
      resolve(inUse);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// --- Docker ---------------------------------------------------------------------------------

let dockerCheck;
/** { ok, reason }: whether a Docker engine answers `docker info` within 5 s (cached). */
export function dockerEngine() {
  dockerCheck ??= (async () => {
    if (!which('docker')) return { ok: false, reason: 'docker is not installed' };
    const r = await run('docker', ['info', '--format', '{{.ServerVersion}}'], {
      capture: true,
      timeoutMs: 5000,
      env: { ...process.env, DOCKER_CLI_HINTS: 'false' },
    });
    if (r.code === 0) {
      const compose = await run('docker', ['compose', 'version'], { capture: true, timeoutMs: 5000 });
      if (compose.code !== 0) return { ok: false, reason: 'the docker compose plugin is missing' };
      return { ok: true, reason: `Docker ${r.stdout.trim()}` };
    }
    return { ok: false, reason: r.timedOut ? 'docker info did not answer within 5 s' : 'no Docker engine is running (docker info failed)' };
  })();
  return dockerCheck;
}

/** `docker compose up -d --wait <services>` with the repo's docker-compose.yml. */
export async function composeUp(root, services) {
  const started = Date.now();
  step(`Starting ${services.join(', ')} with Docker Compose (docker-compose.yml)…`);
  const r = await run('docker', ['compose', '-f', path.join(root, 'docker-compose.yml'), 'up', '-d', '--wait', ...services], {
    cwd: root,
  });
  if (r.code !== 0) return false;
  ok(`Docker Compose started ${services.join(', ')} in ${seconds(started)}`);
  return true;
}

// --- apt-get --------------------------------------------------------------------------------

/** Can this process install Debian packages (root, apt-get, Debian-like)? */
export function canUseApt() {
  return (
    process.platform === 'linux' &&
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    !!which('apt-get') &&
    existsSync('/etc/debian_version')
  );
}

const aptEnv = () => ({ ...process.env, DEBIAN_FRONTEND: 'noninteractive', NEEDRESTART_MODE: 'a' });
let aptUpdated = false;

/** apt-get update (once per run) and apt-get install -y the packages; throws FatalError on failure. */
export async function aptInstall(packages, why = '') {
  const started = Date.now();
  step(`Installing ${packages.join(' ')} with apt-get${why ? ` (${why})` : ''}; this can take a minute…`);
  if (!aptUpdated) {
    const update = await run('apt-get', ['update', '-q'], { capture: true, env: aptEnv() });
    if (update.code !== 0) {
      throw new FatalError('apt-get update failed:', [...tail(update), `Install ${packages.join(' ')} yourself and re-run.`]);
    }
    aptUpdated = true;
  }
  const install = await run(
    'apt-get',
    ['install', '-y', '-q', '--no-install-recommends', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold', ...packages],
    { capture: true, env: aptEnv() },
  );
  if (install.code !== 0) {
    throw new FatalError(`apt-get install ${packages.join(' ')} failed:`, [...tail(install), `Install ${packages.join(' ')} yourself and re-run.`]);
  }
  ok(`Installed ${packages.join(' ')} in ${seconds(started)}`);
}

// --- Debian PostgreSQL clusters ---------------------------------------------------------------

/** Major versions of PostgreSQL servers installed from Debian packages, newest first. */
export function installedPostgresVersions() {
  const dir = '/usr/lib/postgresql';
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((v) => existsSync(path.join(dir, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
}

/** Debian clusters from pg_lsclusters: [{ version, name, port, online }] ([] without postgresql-common). */
export async function listClusters() {
  if (!which('pg_lsclusters')) return [];
  const r = await run('pg_lsclusters', ['--no-header'], { capture: true, timeoutMs: 10000 });
  if (r.code !== 0) return [];
  return r.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 4 && /^\d+(\.\d+)?$/.test(f[0]))
    .map(([version, name, port, status]) => ({ version, name, port: Number(port), online: status.startsWith('online') }));
}

export async function createCluster(version, port) {
  const r = await run('pg_createcluster', [version, 'main', '--port', String(port)], { capture: true, env: aptEnv() });
  if (r.code !== 0) throw new FatalError(`pg_createcluster ${version} main failed:`, tail(r));
}

export async function startCluster({ version, name }) {
  step(`Starting PostgreSQL ${version} cluster "${name}"…`);
  const r = await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'start'], { capture: true, timeoutMs: 60000 });
  // Exit code 2 means "already running".
  if (r.code !== 0 && r.code !== 2) throw new FatalError(`pg_ctlcluster ${version} ${name} start failed:`, tail(r));
}

/** Run SQL with psql as the postgres OS user over the unix socket (peer authentication). */
export async function psqlAsPostgres(port, sql) {
  const psql = `psql -X -q -v ON_ERROR_STOP=1 -p ${Number(port)} -d postgres`;
  const r = await run(which('runuser') ? 'runuser' : 'su', which('runuser') ? ['-u', 'postgres', '--', 'sh', '-c', psql] : ['postgres', '-s', '/bin/sh', '-c', psql], {
    capture: true,
    input: sql,
    cwd: os.tmpdir(),
    timeoutMs: 30000,
  });
  if (r.code !== 0) throw new FatalError('Could not run psql as the postgres user:', tail(r));
}

/** Start redis-server in the background on 127.0.0.1 (and ::1 when available), keeping nothing on disk. */
export async function startRedisServer(port) {
  step(`Starting redis-server on port ${port}…`);
  const r = await run(
    'redis-server',
    ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { capture: true, cwd: os.tmpdir(), timeoutMs: 15000 },
  );
  if (r.code !== 0) throw new FatalError('redis-server did not start:', tail(r));
}
