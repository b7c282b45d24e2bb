/**
 * `npm run bench:notifications`: messages per second through the whole notification pipeline on
 * the log channel, beside a raw BullMQ no-op processor measured in the same run:
 *   raw        `addBulk` N jobs (chunks of 1,000) into a fresh queue while one BullMQ Worker whose
 *              processor does nothing (concurrency as carebook's deliver worker) completes them;
 *              jobs/s from the first add to the last completion.
 *   pipeline   (the measure: outbox -> queue -> send -> message log) N messages queued
 *              through `SendMessage` (channel LOG) while the bench holds the relay's advisory lock
 *              of the stream, so the running worker (`WorkerModule`, in this process, polling
 *              every 50 ms) relays nothing yet; then the lock goes: the relay publishes them, the
 *              deliver jobs run `DeliverMessage`, rows become SENT. messages/s from the release
 *              to every row SENT (polled every 50 ms).
 *   end to end the same worker running while `--clients` loops send N messages through
 *              `SendMessage` (one statement each: message_log row + MessageQueued outbox row):
 *              messages/s from the first send to every row SENT; the sends alone are shown too.
 * Raw runs first and again last; the ratios use the mean of both, since the machine's load drifts.
 * Both share this process's event loop, Redis and (carebook) PostgreSQL on this machine's cores.
 * Target (issue #5): carebook >= 25 % of raw. Each run uses its own queue prefix and outbox
 * stream, and deletes its rows and queues afterwards.
 */
import 'reflect-metadata';
import { bullConnection } from '@carebook/core';
import { SendMessage } from '@carebook/notifications';
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { NOTIFICATIONS_WORKER_OPTIONS } from '../apps/worker/src/notifications/notifications.queue';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { connect, prepareDatabase } from './lib/db';
import { readOptions } from './lib/options';
import {
  fmtInt,
  fmtPct,
  printHeader,
  printTable,
  printTotal,
  runMain,
  verdict,
} from './lib/report';

const TARGET_SHARE = 0.25;
const TEMPLATE = 'bench_throughput';

interface Run {
  count: number;
  ms: number;
  rate: number;
}

async function main(): Promise<number> {
  const opts = readOptions('npm run bench:notifications --', {
    messages: { default: 5000, min: 100, max: 100_000, help: 'messages (and raw jobs) per run' },
    clients: { default: 16, min: 1, max: 256, help: 'SendMessage calls in flight' },
    pool: { default: 10, min: 1, max: 100, help: "the worker's PostgreSQL connections" },
  });
  const started = Date.now();
  const log = (line: string) => !opts.json && console.log(line);
  const versions = await prepareDatabase(opts.databaseUrl, log);
  const concurrency = NOTIFICATIONS_WORKER_OPTIONS.concurrency ?? 1;

  log(
    `raw: BullMQ addBulk ${fmtInt(opts.messages)} jobs + no-op worker (concurrency ${concurrency}) ...`,
  );
  const rawBefore = await rawBullmq(opts.redisUrl, opts.messages, concurrency);
  log(
    `pipeline: ${fmtInt(opts.messages)} queued messages, outbox -> relay -> queue -> DeliverMessage (LOG) -> SENT ...`,
  );
  const { run: pipeline, sendMs: queueMs } = await carebookPipeline(
    opts,
    opts.messages,
    'queued-first',
  );
  log(
    `end to end: ${fmtInt(opts.messages)} messages, SendMessage -> outbox -> relay -> queue -> DeliverMessage (LOG) -> SENT ...`,
  );
  const { run: carebook, sendMs } = await carebookPipeline(opts, opts.messages, 'concurrent');
  log(`raw again (the machine's load drifts; the ratios use the mean of both raw runs) ...`);
  const rawAfter = await rawBullmq(opts.redisUrl, opts.messages, concurrency);
  const raw: Run = {
    count: rawBefore.count + rawAfter.count,
    ms: rawBefore.ms + rawAfter.ms,
    rate: (rawBefore.rate + rawAfter.rate) / 2,
  };
  const share = pipeline.rate / raw.rate;
  const e2eShare = carebook.rate / raw.rate;
  const complete = pipeline.count === opts.messages && carebook.count === opts.messages;

  if (opts.json) {
    console.log(
      JSON.stringify(
        {
          raw,
          rawBefore,
          rawAfter,
          pipeline,
          queueMs,
          endToEnd: carebook,
          sendMs,
          share,
          e2eShare,
        },
        null,
        2,
      ),
    );
    return complete ? 0 : 1;
  }
  printHeader(
    `notification throughput, ${fmtInt(opts.messages)} messages, log channel, same run`,
    versions,
    [
      `worker   in this process: relay, domain-events and notifications processors; ${opts.pool} PostgreSQL connections; ${opts.clients} SendMessage calls in flight`,
      `raw      one BullMQ Queue (addBulk, 1,000 per call) and one no-op Worker, concurrency ${concurrency}`,
    ],
  );
  printTable([
    ['', 'per s', 'total ms', 'done'],
    [
      'raw BullMQ: addBulk + no-op processor (jobs)',
      fmtInt(rawBefore.rate),
      fmtInt(rawBefore.ms),
      fmtInt(rawBefore.count),
    ],
    [
      '  the same, after the carebook runs',
      fmtInt(rawAfter.rate),
      fmtInt(rawAfter.ms),
      fmtInt(rawAfter.count),
    ],
    ['  mean of both (the ratios use this)', fmtInt(raw.rate), '', ''],
    [
      'pipeline: outbox ... message_log SENT (messages)',
      fmtInt(pipeline.rate),
      fmtInt(pipeline.ms),
      fmtInt(pipeline.count),
    ],
    [
      '  (queueing them first: SendMessage alone)',
      fmtInt((opts.messages / queueMs) * 1000),
      fmtInt(queueMs),
      '',
    ],
    [
      'end to end: SendMessage ... SENT (messages)',
      fmtInt(carebook.rate),
      fmtInt(carebook.ms),
      fmtInt(carebook.count),
    ],
    [
      '  of which sending (while the worker runs)',
      fmtInt((opts.messages / sendMs) * 1000),
      fmtInt(sendMs),
      '',
    ],
    ['pipeline / raw', fmtPct(share), '', ''],
    ['end to end / raw', fmtPct(e2eShare), '', ''],
  ]);
  console.log(
    `\ntarget   pipeline >= ${fmtPct(TARGET_SHARE)} of raw: ${verdict(share >= TARGET_SHARE)}`,
  );
  console.log(
    `         (end to end, sends included, ${fmtPct(e2eShare)} of raw: ${verdict(e2eShare >= TARGET_SHARE)})`,
  );
  printTotal(started);
  return complete ? 0 : 1;
}

async function rawBullmq(redisUrl: string, n: number, concurrency: number): Promise<Run> {
  const prefix = `carebook-bench-raw-${randomUUID().slice(0, 8)}`;
  const connection = bullConnection(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('noop', { prefix, connection });
  let done = 0;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const t0 = performance.now();
  const worker = new Worker('noop', async () => undefined, { prefix, connection, concurrency });
  worker.on('completed', () => ++done === n && finish());
  try {
    for (let i = 0; i < n; i += 1000) {
      const size = Math.min(1000, n - i);
      await queue.addBulk(
        Array.from({ length: size }, (_, k) => ({
          name: 'noop',
          data: { i: i + k },
          opts: { jobId: `job-${i + k}` },
        })),
      );
    }
    await finished;
    const ms = performance.now() - t0;
    return { count: done, ms, rate: (n / ms) * 1000 };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

async function carebookPipeline(
  opts: { databaseUrl: string; redisUrl: string; pool: number; clients: number },
  n: number,
  mode: 'queued-first' | 'concurrent',
): Promise<{ run: Run; sendMs: number }> {
  const run = randomUUID().slice(0, 8);
  const prefix = `carebook-bench-notify-${run}`;
  const stream = `bench-notify-${run}`;
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: opts.databaseUrl,
    DATABASE_POOL_SIZE: String(opts.pool),
    REDIS_URL: opts.redisUrl,
    QUEUE_PREFIX: prefix,
    OUTBOX_STREAM: stream,
    OUTBOX_POLL_MS: '50',
    JWT_SECRET: randomBytes(32).toString('hex'),
    CORS_ORIGINS: 'http://127.0.0.1',
    DEV_MESSAGES: '0',
  };
  const db = await connect(opts.databaseUrl, 'carebook-bench-poll');
  const since = new Date();
  const contexts: INestApplicationContext[] = [];
  const boot = async (module: DynamicModule) => {
    const app = await NestFactory.createApplicationContext(module, {
      bufferLogs: true,
      logger: false,
      abortOnError: false,
    });
    contexts.push(app);
    return app;
  };
  const sendAll = async (bus: CommandBus) => {
    let next = 0;
    const t0 = performance.now();
    const client = async () => {
      while (next < n) {
        const i = next++;
        const to = `+9197${String(i).padStart(8, '0')}`;
        await bus.execute(
          new SendMessage({
            to,
            channel: 'LOG',
            template: TEMPLATE,
            body: `Bench ${run} message ${i}.`,
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: opts.clients }, client));
    return performance.now() - t0;
  };
  try {
    let t0: number;
    let sendMs: number;
    const worker = await boot(WorkerModule.forRoot({ env }));
    if (mode === 'queued-first') {
      // The relay skips a pass while another session holds its stream's lock: queue them all
      // meanwhile, then let go of it.
      const gate = await connect(opts.databaseUrl, 'carebook-bench-gate');
      await gate.query('BEGIN');
      await gate.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7310442001))`, [
        `outbox-relay:${stream}`,
      ]);
      sendMs = await sendAll(worker.get(CommandBus));
      t0 = performance.now();
      await gate.query('COMMIT');
      await gate.end();
    } else {
      t0 = performance.now();
      sendMs = await sendAll(worker.get(CommandBus));
    }
    const deadline = t0 + 10 * 60_000;
    let sent = 0;
    while (performance.now() < deadline) {
      const { rows } = await db.query<{ sent: number }>(
        `SELECT count(*)::int AS sent FROM message_log WHERE template = $1 AND created_at >= $2 AND status = 'SENT'`,
        [TEMPLATE, since],
      );
      sent = rows[0].sent;
      if (sent >= n) break;
      await sleep(50);
    }
    const ms = performance.now() - t0;
    return { run: { count: sent, ms, rate: (sent / ms) * 1000 }, sendMs };
  } finally {
    for (const app of contexts.reverse()) await app.close();
    await db.query(`DELETE FROM message_log WHERE template = $1 AND created_at >= $2`, [
      TEMPLATE,
      since,
    ]);
    await db.query(`DELETE FROM outbox WHERE stream = ANY($1)`, [[stream]]);
    await db.end();
    await withRedisQueues(opts.redisUrl, prefix);
  }
}

/** Removes the run's queues: every key under its prefix. */
async function withRedisQueues(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) {
      if ((keys as string[]).length) await redis.del(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}

runMain(main);
