/**
 * The API with its Socket.IO gateway (as apps/api/src/main.ts: `RealtimeIoAdapter`, i.e. the
 * Redis adapter) booted in this process, and the worker (`WorkerModule`: outbox relay, BullMQ
 * processors, the Redis emitter) in a child process of its own (sockets-worker.ts), as in a
 * deployment. Both share one bench database, Redis, queue prefix and outbox stream.
 */
import { configureHttpApp } from '@carebook/core';
import { RealtimeIoAdapter } from '@carebook/realtime';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AppModule } from '../../apps/api/src/app.module';

export interface StackOptions {
  databaseUrl: string;
  redisUrl: string;
  pool: number;
  queuePrefix: string;
  outboxStream: string;
  /** OUTBOX_POLL_MS of the worker; undefined = carebook's default. */
  pollMs?: number;
}

/** The variables both processes get (the API's as bench/lib/api.ts sets them). */
function stackEnv(opts: StackOptions, jwtSecret: string): Record<string, string | undefined> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'silent', // e.g. BENCH_LOG_LEVEL=error to see failures
    RATE_LIMIT_PER_MINUTE: '1000000',
    DATABASE_URL: opts.databaseUrl,
    DATABASE_POOL_SIZE: String(opts.pool),
    REDIS_URL: opts.redisUrl,
    QUEUE_PREFIX: opts.queuePrefix,
    OUTBOX_STREAM: opts.outboxStream,
    OUTBOX_POLL_MS: opts.pollMs === undefined ? undefined : String(opts.pollMs),
    JWT_SECRET: jwtSecret,
    CORS_ORIGINS: 'http://127.0.0.1',
    DEV_MESSAGES: '0',
    BOOTSTRAP_ADMIN_USERNAME: undefined,
    BOOTSTRAP_ADMIN_PASSWORD: undefined,
    BOOTSTRAP_ADMIN_PHONE: undefined,
    // The log channel only: no provider of a developer's .env may be called by a bench.
    TWILIO_ACCOUNT_SID: undefined,
    TWILIO_AUTH_TOKEN: undefined,
    TWILIO_SMS_FROM: undefined,
    TWILIO_WHATSAPP_FROM: undefined,
    TWILIO_API_BASE_URL: undefined,
    TWILIO_STATUS_CALLBACK_URL: undefined,
    SMTP_URL: undefined,
    MAIL_FROM: undefined,
  };
}

export interface RealtimeApi {
  app: NestExpressApplication;
  port: number;
  close: () => Promise<void>;
}

export interface WorkerProcess {
  pid: number;
  close: () => Promise<void>;
}

export function newJwtSecret(): string {
  return randomBytes(32).toString('hex');
}

export async function bootRealtimeApi(opts: StackOptions, jwtSecret: string): Promise<RealtimeApi> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ env: stackEnv(opts, jwtSecret) }),
    { bufferLogs: true },
  );
  configureHttpApp(app);
  app.useWebSocketAdapter(new RealtimeIoAdapter(app)); // as apps/api/src/main.ts does
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, port, close: () => app.close() };
}

/** Forks sockets-worker.js (compiled next to this file) and waits until its relay runs. */
export function startWorkerProcess(opts: StackOptions, jwtSecret: string): Promise<WorkerProcess> {
  const child = fork(path.join(__dirname, 'sockets-worker.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const early = (code: number | null) =>
      reject(new Error(`worker process exited with code ${code}`));
    child.once('error', reject);
    child.once('exit', early);
    child.once('message', (m: { ready?: boolean; error?: string }) => {
      if (!m.ready) return reject(new Error(`worker process failed: ${m.error}`));
      child.off('exit', early);
      resolve({
        pid: child.pid!,
        close: async () => {
          if (child.exitCode === null && child.connected) child.send({ stop: true });
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
    child.send({ env: stackEnv(opts, jwtSecret) });
  });
}
