#!/usr/bin/env node
// `npm start`: dependencies → environment → PostgreSQL+PostGIS & Redis → build → migrate →
// demo seed → API + worker. Only node: builtins until dependencies are installed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './lib/deps.mjs';
import { loadEnv } from './lib/env.mjs';
import { npmCommand, run, sleep } from './lib/proc.mjs';
import { die, FatalError, ok, seconds, step, warn } from './lib/ui.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const API = 'dist/apps/api/src/main.js';
const WORKER = 'dist/apps/worker/src/main.js';
const MIGRATE = 'dist/apps/api/src/cli/migrate.js';
const SEED = 'dist/apps/api/src/cli/seed-demo.js';

main().catch(die);

async function main() {
  await ensureDeps(root);
  const { env, userSet, dotenv, dotenvCount } = loadEnv(root);
  if (dotenv) ok(`Loaded .env (${dotenvCount} variable${dotenvCount === 1 ? '' : 's'}; your shell's variables win)`);
  const demoAdmin = applyDevelopmentDefaults(env, userSet);

  const port = Number(env.PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new FatalError(`PORT must be a TCP port number (got "${env.PORT}").`);

  // Loaded only now: services.mjs needs `pg` from node_modules.
  const { ensureServices } = await import('./lib/services.mjs');
  const { portInUse } = await import('./lib/system.mjs');
  const { databaseUrl, redisUrl } = await ensureServices({
    root,
    env,
    db: { url: env.DATABASE_URL, userSet: userSet.has('DATABASE_URL'), name: 'DATABASE_URL' },
    redis: { url: env.REDIS_URL, userSet: userSet.has('REDIS_URL'), name: 'REDIS_URL' },
  });
  const childEnv = { ...env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, PORT: String(port) };

  if (await portInUse(port)) {
    throw new FatalError(`Port ${port} is already in use (another carebook still running?).`, [
      'Stop that process, or choose another port: PORT=3001 npm start (or PORT=… in .env).',
    ]);
  }

  let started = Date.now();
  step('Building (npm run build)…');
  const [npm, npmArgs] = npmCommand(['run', '--silent', 'build']);
  const build = await run(npm, npmArgs, { cwd: root, env: childEnv });
  if (build.code !== 0) throw new FatalError('The build failed (see the errors above).');
  ok(`Built dist/ in ${seconds(started)}`);

  for (const file of [MIGRATE, SEED, API, WORKER]) {
    if (!existsSync(path.join(root, file))) throw new FatalError(`The build did not produce ${file}.`);
  }

  started = Date.now();
  step('Running database migrations…');
  const migrate = await run(process.execPath, [MIGRATE], { cwd: root, env: childEnv });
  if (migrate.code !== 0) throw new FatalError(`Migrations failed (exit code ${migrate.code ?? migrate.signal}); see above.`);
  ok(`Migrations up to date (${seconds(started)})`);

  started = Date.now();
  step('Loading demo data…');
  const seed = await run(process.execPath, [SEED], { cwd: root, env: childEnv });
  if (seed.code !== 0) throw new FatalError(`Demo seed failed (exit code ${seed.code ?? seed.signal}); see above.`);
  ok(`Demo data ready (${seconds(started)})`);

  await supervise(childEnv, port);
  if (demoAdmin) console.log(`Sign in as ${DEV_DEFAULTS.BOOTSTRAP_ADMIN_USERNAME} / ${DEV_DEFAULTS.BOOTSTRAP_ADMIN_PASSWORD} (development admin; set BOOTSTRAP_ADMIN_* to choose your own).`);
}

/** What a newcomer needs to try carebook locally; never applied with NODE_ENV=production. */
const DEV_DEFAULTS = Object.freeze({
  BOOTSTRAP_ADMIN_USERNAME: 'admin',
  BOOTSTRAP_ADMIN_PASSWORD: 'carebook-admin-123',
  DEV_MESSAGES: '1',
});

/** Fills unset development conveniences; answers whether the demo admin credentials apply. */
function applyDevelopmentDefaults(env, userSet) {
  if ((env.NODE_ENV ?? 'development') === 'production') return false;
  const adminChosen = userSet.has('BOOTSTRAP_ADMIN_USERNAME') || userSet.has('BOOTSTRAP_ADMIN_PASSWORD');
  for (const [key, value] of Object.entries(DEV_DEFAULTS)) {
    if (key.startsWith('BOOTSTRAP_ADMIN_') && adminChosen) continue;
    if (!userSet.has(key)) env[key] = value;
  }
  return !adminChosen;
}

/** Run the API and the worker until one exits or we are asked to stop. */
async function supervise(childEnv, port) {
  const alive = new Set();
  let stopping = false;
  let exitCode = 0;
  let lastSignalAt = 0;

  const stopAll = (signal = 'SIGTERM') => {
    for (const { child } of alive) child.kill(signal);
    // Whatever has not stopped after 10 s is killed.
    setTimeout(() => {
      for (const { child } of alive) child.kill('SIGKILL');
    }, 10_000).unref();
  };

  const launch = (name, file) => {
    // detached: the children have their own process group, so a Ctrl-C in the terminal reaches
    // them exactly once, from us (NestJS shuts down gracefully on the first signal only).
    const child = spawn(process.execPath, [file], { cwd: root, env: childEnv, stdio: 'inherit', detached: true });
    const entry = { name, child };
    alive.add(entry);
    child.on('error', (err) => warn(`${name}: ${err.message}`));
    child.on('exit', (code, signal) => {
      alive.delete(entry);
      if (!stopping) {
        stopping = true;
        exitCode = code ?? 1;
        console.error(`✗ The ${name} exited (${code !== null ? `exit code ${code}` : signal}); stopping the ${alive.size ? [...alive].map((e) => e.name).join(' and ') : 'rest'}…`);
        stopAll();
      }
      if (alive.size === 0) process.exit(exitCode);
    });
  };

  const onSignal = (signal) => {
    const now = Date.now();
    // npm forwards the terminal's signal too: the same Ctrl-C can arrive twice.
    if (now - lastSignalAt < 1000) return;
    lastSignalAt = now;
    if (stopping) {
      warn('Forcing the remaining processes to stop…');
      stopAll('SIGKILL');
      return;
    }
    stopping = true;
    exitCode = 0;
    console.log(`\n→ Stopping carebook (${signal})…`);
    stopAll(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => onSignal(signal));
  // If we die some other way, do not leave the children running.
  process.on('exit', () => {
    for (const { child } of alive) child.kill('SIGKILL');
  });

  step(`Starting the API (port ${port}) and the worker…`);
  launch('API', API);
  launch('worker', WORKER);

  // Announce once /api/health answers.
  const url = `http://127.0.0.1:${port}/api/health`;
  const deadline = Date.now() + 60_000;
  let last = 'no answer';
  while (!stopping && Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer().catch(() => {});
      if (res.ok) {
        console.log(`carebook is up: API http://localhost:${port}/api/v1 · Swagger http://localhost:${port}/docs`);
        return;
      }
      last = `HTTP ${res.status}`;
    } catch {
      /* not listening yet */
    }
    await sleep(500);
  }
  if (!stopping) warn(`The API did not report healthy at ${url} within 60 s (${last}); it keeps running — see its logs above.`);
}
