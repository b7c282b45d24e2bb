/**
 * Child process of bench:sockets: boots `apps/worker` (`WorkerModule`, as its main.ts does)
 * with the variables the parent sends, answers `{ ready: true }`, and closes on `{ stop: true }`
 * (or when the parent goes away).
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from '../../apps/worker/src/worker.module';

let app: INestApplicationContext | undefined;

async function stop(): Promise<void> {
  const running = app;
  app = undefined;
  await running?.close().catch(() => undefined);
  process.exit(0);
}

process.on('message', (m: { env?: Record<string, string | undefined>; stop?: boolean }) => {
  if (m.stop) return void stop();
  if (!m.env) return;
  NestFactory.createApplicationContext(WorkerModule.forRoot({ env: m.env }), {
    bufferLogs: true,
  })
    .then(async (ctx) => {
      app = ctx;
      ctx.useLogger(ctx.get(Logger)); // as apps/worker/src/main.ts does (LOG_LEVEL=silent)
      process.send?.({ ready: true });
    })
    .catch((error: Error) => {
      process.send?.({ ready: false, error: error.message });
      process.exit(1);
    });
});
process.on('disconnect', () => void stop());
