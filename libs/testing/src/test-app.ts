import { configureHttpApp } from '@carebook/core';
import { RealtimeIoAdapter } from '@carebook/realtime';
import type { Abstract, DynamicModule, INestApplication, INestApplicationContext, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

/** Credentials of the admin that every test app bootstraps (one ADMIN for the test database). */
export const TEST_ADMIN = { username: 'test-admin', password: 'test-admin-password-1' };

/**
 * One id per test file (Jest gives each file its own module registry). The API and worker
 * apps of a file share its outbox stream and queue prefix; other files' workers, running at
 * the same time on the same database and Redis, never take its events or jobs.
 */
const SUITE = randomUUID().slice(0, 8);

const PROVIDER_VARIABLES = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_SMS_FROM',
  'TWILIO_WHATSAPP_FROM',
  'TWILIO_API_BASE_URL',
  'TWILIO_STATUS_CALLBACK_URL',
  'SMTP_URL',
  'MAIL_FROM',
];

/** Variables every test app gets. */
export function testEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    BOOTSTRAP_ADMIN_USERNAME: TEST_ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN.password,
    QUEUE_PREFIX: `cbtest-${SUITE}`,
    OUTBOX_STREAM: `suite-${SUITE}`,
    OUTBOX_POLL_MS: '50',
    DEV_MESSAGES: '1',
    // Providers stay off unless a suite points them at its fakes: a developer's .env must not leak in.
    ...Object.fromEntries(PROVIDER_VARIABLES.map((name) => [name, undefined])),
    ...extra,
  };
}

export interface TestApi {
  app: INestApplication;
  http: TestAgent;
  /** `http://127.0.0.1:<port>` when started with `listen: true` (for socket.io-client). */
  url?: string;
  close(): Promise<void>;
}

type AppFactory = { forRoot(options: { env?: Record<string, string | undefined> }): DynamicModule };

/**
 * Boots `apps/api` in-process exactly as `main.ts` configures it (filters, pipes, versioning,
 * Swagger, the Socket.IO adapter), on the test services. `override` swaps providers (e.g. a
 * FixedClock); `listen: true` listens on an ephemeral port of 127.0.0.1 (see `url`).
 */
export async function startTestApi(
  appModule: AppFactory,
  options: {
    env?: Record<string, string | undefined>;
    override?: (b: TestingModuleBuilder) => TestingModuleBuilder;
    listen?: boolean;
  } = {},
): Promise<TestApi> {
  let builder = Test.createTestingModule({ imports: [appModule.forRoot({ env: testEnv(options.env) })] });
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureHttpApp(app);
  app.useWebSocketAdapter(new RealtimeIoAdapter(app)); // as apps/api/src/main.ts does
  if (!options.listen) {
    await app.init();
    return { app, http: request(app.getHttpServer()), close: () => app.close() };
  }
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return { app, http: request(app.getHttpServer()), url, close: () => app.close() };
}

/** Boots `apps/worker` in-process (outbox relay and processors run until `close`). */
export async function startTestWorker(
  workerModule: AppFactory,
  options: { env?: Record<string, string | undefined>; override?: (b: TestingModuleBuilder) => TestingModuleBuilder } = {},
): Promise<{ ctx: INestApplicationContext; get<T>(token: Type<T> | Abstract<T> | string | symbol): T; close(): Promise<void> }> {
  let builder = Test.createTestingModule({ imports: [workerModule.forRoot({ env: testEnv(options.env) })] });
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const ctx = moduleRef.createNestApplication({ bufferLogs: true });
  ctx.useLogger(ctx.get(Logger)); // as apps/worker/src/main.ts does
  await ctx.init();
  return { ctx, get: (token) => ctx.get(token), close: () => ctx.close() };
}
