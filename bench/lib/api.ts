/**
 * The real API (`AppModule.forRoot` + `configureHttpApp`), booted in this process on an ephemeral
 * port on 127.0.0.1, logging silenced, throttle at its maximum, against the bench database.
 */
import { configureHttpApp } from '@carebook/core';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AppModule } from '../../apps/api/src/app.module';
import { fail } from './report';

/** The bootstrap admin of the bench database (created by the API at start when there is none). */
export const BENCH_ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };

export interface BenchApi {
  app: NestExpressApplication;
  port: number;
  close: () => Promise<void>;
}

export async function bootApi(opts: {
  databaseUrl: string;
  redisUrl: string;
  pool: number;
  /** Create BENCH_ADMIN at start (when the database has no ADMIN) so the bench can sign in. */
  withAdmin?: boolean;
}): Promise<BenchApi> {
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    // The brief asked for 100000000; configuration caps RATE_LIMIT_PER_MINUTE at 1,000,000.
    RATE_LIMIT_PER_MINUTE: '1000000',
    DATABASE_URL: opts.databaseUrl,
    DATABASE_POOL_SIZE: String(opts.pool),
    REDIS_URL: opts.redisUrl,
    QUEUE_PREFIX: 'carebook-bench',
    JWT_SECRET: randomBytes(32).toString('hex'),
    CORS_ORIGINS: 'http://127.0.0.1',
    DEV_MESSAGES: '0',
    BOOTSTRAP_ADMIN_USERNAME: opts.withAdmin ? BENCH_ADMIN.username : undefined,
    BOOTSTRAP_ADMIN_PASSWORD: opts.withAdmin ? BENCH_ADMIN.password : undefined,
    BOOTSTRAP_ADMIN_PHONE: undefined,
  };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ env }), {
    bufferLogs: true,
  });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, port, close: () => app.close() };
}

/** Signs BENCH_ADMIN in through the API's own route; answers the access token and user id. */
export async function signInAdmin(port: number): Promise<{ token: string; userId: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login/username-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (res.status !== 200)
    fail(
      `sign-in as ${BENCH_ADMIN.username} answered ${res.status} (${(await res.text()).slice(0, 200)}); ` +
        'the bench database has another ADMIN? drop it: dropdb -h 127.0.0.1 -U postgres carebook_bench',
    );
  const body = (await res.json()) as { accessToken: string; user: { id: string } };
  return { token: body.accessToken, userId: body.user.id };
}
