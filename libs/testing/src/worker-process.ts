import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { testEnv } from './test-app';

const ROOT = path.resolve(__dirname, '../../..');
const STARTED = 'carebook worker started';

/** `apps/worker` in a child process of its own: killed with a real signal, not closed. */
export interface WorkerProcess {
  readonly pid: number;
  /** Sends `signal` and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `apps/worker/src/main.ts` as `node` runs it in production, from the TypeScript sources
 * (see ts-register.cjs), with this test file's `testEnv(env)` (same queue prefix and outbox
 * stream as its in-process apps). Resolves when the worker says it started (about 3 s).
 */
export async function startWorkerProcess(
  env: Record<string, string | undefined> = {},
): Promise<WorkerProcess> {
  const vars = { ...process.env, ...testEnv(env), LOG_LEVEL: 'info' };
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      path.join(ROOT, 'libs/testing/src/ts-register.cjs'),
      path.join(ROOT, 'apps/worker/src/main.ts'),
    ],
    {
      cwd: ROOT,
      env: Object.fromEntries(
        Object.entries(vars).filter(([, v]) => v !== undefined),
      ) as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = once(child, 'exit');
  const errors: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line));
  const lines = createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => line.includes(STARTED) && resolve());
    void exited.then(([code]) =>
      reject(
        new Error(`worker exited with ${code} before starting:\n${errors.slice(-20).join('\n')}`),
      ),
    );
  });
  return {
    pid: child.pid!,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
