// Child-process helpers (node: builtins only).
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Full path of an executable found on PATH, or null. */
export function which(cmd) {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = path.join(dir, cmd + ext);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        /* keep looking */
      }
    }
  }
  return null;
}

/**
 * Run a command and resolve with { code, signal, stdout, stderr, error, timedOut } (never rejects).
 * capture: collect stdout/stderr instead of showing them; input: text written to stdin;
 * timeoutMs: SIGKILL the command after that long.
 */
export function run(cmd, args = [], { capture = false, input, timeoutMs, ...spawnOptions } = {}) {
  return new Promise((resolve) => {
    let settled = false;
    let stdout = '';
    let stderr = '';
    let timer;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ stdout, stderr, ...result });
    };
    let child;
    try {
      child = spawn(cmd, args, {
        stdio: [input != null ? 'pipe' : capture ? 'ignore' : 'inherit', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
        ...spawnOptions,
      });
    } catch (error) {
      finish({ code: null, error });
      return;
    }
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', (error) => finish({ code: null, error }));
    child.on('close', (code, signal) => finish({ code, signal }));
    if (timeoutMs) {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish({ code: null, signal: 'SIGKILL', timedOut: true });
      }, timeoutMs);
    }
    if (input != null) {
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    }
  });
}

/** The last lines of a command's captured output, for error messages. */
export function tail(result, lines = 15) {
  const text = `${result.stdout || ''}${result.stderr || ''}`.trim();
  return text ? text.split('\n').slice(-lines) : [];
}

/** How to run npm: the npm that started us (npm_execpath) when there is one, else `npm` on PATH. */
export function npmCommand(args) {
  const execPath = process.env.npm_execpath;
  if (execPath && /\.c?js$/.test(execPath)) return [process.execPath, [execPath, ...args]];
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm', args];
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
