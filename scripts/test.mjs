#!/usr/bin/env node
// `npm test [-- jest args]`: dependencies → environment → PostgreSQL+PostGIS & Redis with a
// dedicated test database → jest. Prints `jest: N passed, N failed[, N skipped]` and exits with
// jest's code (non-zero when no test ran). Only node: builtins until dependencies are installed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './lib/deps.mjs';
import { loadEnv } from './lib/env.mjs';
import { die, FatalError, ok, warn } from './lib/ui.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const JEST = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');

main().catch(die);

/** DATABASE_URL with the database renamed carebook_test (kept when the name already says test). */
function testDatabaseUrl(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/test/i.test(name)) u.pathname = '/carebook_test';
  return u.toString();
}

async function main() {
  await ensureDeps(root);
  const { env, userSet, dotenv, dotenvCount } = loadEnv(root);
  if (dotenv) ok(`Loaded .env (${dotenvCount} variable${dotenvCount === 1 ? '' : 's'}; your shell's variables win)`);

  const db = env.TEST_DATABASE_URL
    ? { url: env.TEST_DATABASE_URL, userSet: true, name: 'TEST_DATABASE_URL' }
    : { url: testDatabaseUrl(env.DATABASE_URL), userSet: userSet.has('DATABASE_URL'), name: 'TEST_DATABASE_URL or DATABASE_URL' };
  const redis = env.TEST_REDIS_URL
    ? { url: env.TEST_REDIS_URL, userSet: true, name: 'TEST_REDIS_URL' }
    : { url: env.REDIS_URL, userSet: userSet.has('REDIS_URL'), name: 'TEST_REDIS_URL or REDIS_URL' };

  // Loaded only now: services.mjs needs `pg` from node_modules.
  const { ensureServices } = await import('./lib/services.mjs');
  const { databaseUrl, redisUrl } = await ensureServices({ root, env, db, redis });

  if (!existsSync(JEST)) throw new FatalError('jest is not installed (node_modules/jest/bin/jest.js is missing); run npm install.');
  const outputFile = path.join(os.tmpdir(), `carebook-jest-${process.pid}-${Date.now()}.json`);
  const args = [JEST, '--json', `--outputFile=${outputFile}`, ...process.argv.slice(2)];
  const childEnv = { ...env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };

  const { code, signal } = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: childEnv, stdio: 'inherit' });
    // Pass signals on to jest and wait for it to finish rather than die first (a Ctrl-C in the
    // terminal reaches jest directly too; a second one does no harm).
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
    child.on('error', (err) => resolve({ code: 1, signal: null, error: err }));
    child.on('exit', (c, s) => resolve({ code: c, signal: s }));
  });

  let results = null;
  try {
    results = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    /* jest stopped before writing its results */
  }
  rmSync(outputFile, { force: true });

  let exitCode = code ?? 1;
  if (!results) {
    console.log(`jest: no results (jest ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}; see its output above)`);
    process.exit(exitCode || 1);
  }
  const failedSuites = results.numRuntimeErrorTestSuites ?? 0;
  if (failedSuites > 0) warn(`${failedSuites} test suite${failedSuites === 1 ? '' : 's'} failed to run (see above)`);
  const skipped = results.numPendingTests ?? 0;
  console.log(
    `jest: ${results.numPassedTests ?? 0} passed, ${results.numFailedTests ?? 0} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`,
  );
  if (exitCode === 0 && (results.numPassedTests ?? 0) + (results.numFailedTests ?? 0) === 0) {
    warn('jest ran no test');
    exitCode = 1;
  }
  process.exit(exitCode);
}
