// Step 1: make sure node_modules matches package.json / package-lock.json (node: builtins only).
import { existsSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { FatalError, ok, seconds, step, warn } from './ui.mjs';
import { spawn } from 'node:child_process';
import { npmCommand } from './proc.mjs';

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : null);

/** Why `npm install` is needed, or null when node_modules is up to date. */
export function installReason(root) {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(path.join(root, 'node_modules'))) return 'node_modules is missing';
  const installed = mtime(marker);
  if (installed === null) return 'node_modules was not installed by npm';
  for (const name of ['package.json', 'package-lock.json']) {
    const changed = mtime(path.join(root, name));
    if (changed !== null && changed > installed) return `${name} changed since the last install`;
  }
  return null;
}

export async function ensureDeps(root) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw new FatalError(`carebook needs Node.js 20.19 or newer (this is ${process.version}).`, [
      'Install a current Node.js LTS (https://nodejs.org or your version manager) and re-run.',
    ]);
  }
  const reason = installReason(root);
  if (!reason) {
    ok('Dependencies up to date');
    return;
  }
  const started = Date.now();
  step(`Installing dependencies with npm install (${reason})…`);
  const [cmd, args] = npmCommand(['install', '--no-audit', '--no-fund']);
  const result = await npmInstall(cmd, args, root);
  if (result.code !== 0) {
    throw new FatalError(`npm install failed${result.error ? `: ${result.error.message}` : ` (exit code ${result.code})`}.`, [
      'See the npm output above; fix the problem and re-run.',
    ]);
  }
  // npm may write package-lock.json after its marker: stamp the marker so the next run does not reinstall.
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker)) {
    const now = new Date();
    utimesSync(marker, now, now);
  }
  ok(`Dependencies installed in ${seconds(started)}`);
}

/**
 * Run npm install showing its output, except the many-line EBADENGINE warnings (packages that
 * would prefer a newer Node.js), which are summed up in one line. → { code, error }
 */
function npmInstall(cmd, args, root) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const engineWarnings = new Set();
    const relay = (stream, out) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop();
        for (const line of lines) {
          if (/^npm warn EBADENGINE/.test(line)) {
            const pkg = /package: '([^']+)'/.exec(line)?.[1];
            if (pkg) engineWarnings.add(pkg);
          } else out.write(`${line}\n`);
        }
      });
      stream.on('end', () => rest && !/^npm warn EBADENGINE/.test(rest) && out.write(`${rest}\n`));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('error', (error) => resolve({ code: null, error }));
    child.on('close', (code) => {
      if (engineWarnings.size) warn(`npm: ${engineWarnings.size} package(s) would prefer a newer Node.js (EBADENGINE warnings hidden; harmless here)`);
      resolve({ code });
    });
  });
}
