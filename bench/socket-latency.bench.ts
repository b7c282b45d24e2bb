/**
 * `npm run bench:sockets`: commit-to-client latency of carebook's live pushes with 1,000
 * Socket.IO clients connected, beside the transport alone, in the same run.
 *
 *   carebook  the API (main thread, `RealtimeIoAdapter` = Redis adapter, as apps/api/src/main.ts)
 *             and the worker (a child process: outbox relay -> BullMQ `domain-events` -> push
 *             handlers -> Redis emitter). Front-desk users book (`POST /api/v1/booking/front-desk`,
 *             CONFIRMED at once) and check patients in (`PATCH /api/v1/appointments/:id/status`)
 *             over HTTP at a steady rate. Pushes: `appointment:new` to the clinician and the
 *             centre's front desk; on check-in `appointment:update` to the clinician, the patient
 *             and the front desk, and `queue:update` to the front desk.
 *   baseline  a plain Socket.IO server with `@socket.io/redis-adapter` (no Nest, no auth) and the
 *             same clients in the same rooms; the same pushes emitted at the same rate through
 *             `@socket.io/redis-emitter` (what the worker uses): Redis pub/sub -> adapter -> socket.
 *
 * Audience (defaults): 10 centres, each with 4 FRONT_DESK users, 1 CENTRE_MANAGER and 10
 * clinicians; the other 850 sockets are patients (lib/sockets-cast.ts; sessions written with SQL
 * and tokens signed by the API's own JwtService, so the handshake runs the real PrincipalGate).
 * One socket per person, in a worker thread (lib/socket-clients.ts) that also sends the HTTP
 * traffic, so send, answer and arrival share one clock (performance.timeOrigin + now()).
 *
 * Latency of a delivery = arrival on the client - commit. The commit time is bracketed:
 *   from event   the event's `occurredAt` (taken inside the transaction, before COMMIT): an upper
 *                bound of commit-to-client; the target is read on this one;
 *   from answer  the HTTP response's arrival at the client (after COMMIT): a lower bound.
 * Then where the time goes, per event: the outbox row's occurred_at -> published_at (relay wake),
 * -> the BullMQ job's timestamp (enqueued), -> processedOn (picked up), -> finishedOn (handlers
 * done, pushes published), -> arrival. Target (issue #5): p99 <= 100 ms. Nothing is asserted.
 *
 * File descriptors: ~2 per socket (client and server ends in this one process tree) plus pools,
 * about 2,200 at 1,000 sockets. The bench warns when `ulimit -n` is below what it needs; raise it
 * in the shell first: `ulimit -n 8192` (the soft limit, up to the hard one `ulimit -Hn`).
 *
 * Its own database by default is BENCH_DATABASE_URL (use a dedicated one, e.g.
 * postgres://postgres@127.0.0.1:5432/carebook_bench_sockets); queues prefixed carebook-bench-sockets.
 */
import 'reflect-metadata';
import { DOMAIN_EVENTS_QUEUE } from '@carebook/core';
import { frontDeskOf, Rooms, roomsFor } from '@carebook/realtime';
import { JwtService } from '@nestjs/jwt';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { withClient } from './lib/db';
import { prepareDatabase } from './lib/db';
import * as fx from './lib/fixtures';
import { prng } from './lib/load';
import { readOptions } from './lib/options';
import {
  bootRealtimeApi,
  newJwtSecret,
  startWorkerProcess,
  type StackOptions,
} from './lib/realtime-stack';
import {
  castClinicianIds,
  claimsOf,
  ensureCast,
  planCast,
  type Cast,
  type Person,
} from './lib/sockets-cast';
import {
  duplicatesOf,
  latencyOf,
  SocketClients,
  startBaselineServer,
  type BaselineOp,
  type CarebookOp,
  type Latency,
  type Pace,
  type RunAnswer,
} from './lib/sockets-driver';
import { fmtInt, fmtMs, printHeader, printTable, printTotal, runMain, verdict } from './lib/report';

const TARGET_P99_MS = 100;
/** A check-in follows its booking this many bookings later (its answer is long back by then). */
const CHECKIN_LAG = 3;
/** Filler of the baseline's payloads, about the size of carebook's `appointment:new`. */
const PAD = 'x'.repeat(420);

async function main(): Promise<number> {
  const opts = readOptions('npm run bench:sockets --', {
    sockets: { default: 1000, min: 50, max: 5000, help: 'connected Socket.IO clients' },
    centres: { default: 10, min: 1, max: 100, help: 'centres of the cast' },
    desk: { default: 4, min: 1, max: 50, help: 'FRONT_DESK users per centre (+1 manager)' },
    clinicians: { default: 10, min: 1, max: 100, help: 'clinicians per centre' },
    rate: { default: 20, min: 1, max: 500, help: 'operations (bookings, check-ins) per second' },
    duration: { default: 20, min: 1, max: 300, help: 'measured seconds per target' },
    warmup: { default: 3, min: 0, max: 60, help: 'unmeasured seconds per target first' },
    drain: { default: 5, min: 1, max: 60, help: 'seconds to wait for late deliveries' },
    pool: { default: 10, min: 1, max: 100, help: 'PostgreSQL connections per process (default)' },
    'poll-ms': { default: 200, min: 10, max: 60000, help: "worker's OUTBOX_POLL_MS (its default)" },
  });
  const started = Date.now();
  const log = (line: string) => !opts.json && console.log(line);
  checkFileLimit(opts.sockets, log);

  const versions = await prepareDatabase(opts.databaseUrl, log);
  const cast = planCast({
    centres: opts.centres,
    desk: opts.desk,
    clinicians: opts.clinicians,
    sockets: opts.sockets,
  });
  await withClient(opts.databaseUrl, (c) => ensureCast(c, cast));
  const reset = () =>
    withClient(opts.databaseUrl, (c) => fx.resetAppointments(c, castClinicianIds(cast)));
  await reset();

  const totalOps = opts.rate * (opts.warmup + opts.duration);
  const warmupOps = opts.rate * opts.warmup;
  const plan = planOps(cast, totalOps);
  const pace: Pace = { rate: opts.rate, maxInFlight: 64, drainMs: opts.drain * 1000 };
  const stack: StackOptions = {
    databaseUrl: opts.databaseUrl,
    redisUrl: opts.redisUrl,
    pool: opts.pool,
    queuePrefix: 'carebook-bench-sockets',
    outboxStream: 'bench-sockets',
    pollMs: opts['poll-ms'],
  };
  const clients = new SocketClients();
  const closers: Array<() => Promise<unknown>> = [() => clients.close()];
  try {
    // Baseline first: the transport alone, the same clients in the same rooms.
    log(`baseline: raw Socket.IO + Redis adapter, ${cast.people.length} clients ...`);
    const baseline = await startBaselineServer(opts.redisUrl, `bench-baseline:${randomUUID()}`);
    closers.unshift(() => baseline.close());
    const rawConnect = await clients.connect(
      baseline.url,
      cast.people.map((p) => ({ rooms: roomsFor(actorOf(cast, p)) })),
    );
    log(`  ${rawConnect.connected} connected in ${(rawConnect.ms / 1000).toFixed(1)} s`);
    log(`  emitting for ${opts.warmup} + ${opts.duration} s at ${opts.rate} ops/s ...`);
    const raw = await clients.run({
      cmd: 'baseline',
      redisUrl: opts.redisUrl,
      key: baseline.key,
      ops: plan.baseline,
      pace,
      pad: PAD,
    });
    await clients.disconnect();
    await baseline.close();
    closers.shift();

    log('booting the API in-process and the worker in a child process ...');
    const secret = newJwtSecret();
    const api = await bootRealtimeApi(stack, secret);
    closers.unshift(() => api.close());
    const worker = await startWorkerProcess(stack, secret);
    closers.unshift(() => worker.close());
    const jwt = api.app.get(JwtService, { strict: false });
    const tokens = cast.people.map((p) =>
      jwt.sign(claimsOf(cast, p, randomUUID()), { expiresIn: 3600 }),
    );
    const appConnect = await clients.connect(
      `http://127.0.0.1:${api.port}`,
      tokens.map((token) => ({ token })),
    );
    log(`  ${appConnect.connected} connected in ${(appConnect.ms / 1000).toFixed(1)} s`);
    if (appConnect.failed) log(`  ${appConnect.failed} refused: ${appConnect.firstError}`);
    log(
      `carebook: HTTP bookings and check-ins for ${opts.warmup} + ${opts.duration} s at ${opts.rate} ops/s ...`,
    );
    const app = await clients.run({
      cmd: 'carebook',
      port: api.port,
      ops: plan.carebook(tokens),
      pace,
    });
    await clients.disconnect();
    const stages = await stagesOf(app, opts, stack.queuePrefix, warmupOps, plan);

    const rawFigures = baselineFigures(raw, plan, warmupOps);
    const appFigures = carebookFigures(app, plan, warmupOps);
    const errors = app.results.filter((r) => r && r.status !== 200 && r.status !== 201);
    const firstError = errors[0] && `${errors[0].status} ${errors[0].error}`;

    if (opts.json) {
      console.log(
        JSON.stringify(
          {
            baseline: rawFigures,
            carebook: appFigures,
            stages,
            httpErrors: errors.length,
            firstError,
          },
          null,
          2,
        ),
      );
      return errors.length ? 1 : 0;
    }
    printHeader(
      `commit-to-client latency, ${cast.people.length} Socket.IO clients, same run`,
      versions,
      [
        `NOTE     API + baseline server (main thread), socket clients + HTTP sender (worker thread), carebook worker (child process)`,
        `cast     ${opts.centres} centres x (${opts.desk} FRONT_DESK + 1 CENTRE_MANAGER + ${opts.clinicians} clinicians), ${cast.patients.length} patients: one socket each`,
        `load     ${opts.rate} ops/s (booking, check-in alternating), ${opts.warmup} s warm-up + ${opts.duration} s measured; worker OUTBOX_POLL_MS=${opts['poll-ms']}`,
        `connect  baseline ${fmtInt(rawConnect.connected)} in ${(rawConnect.ms / 1000).toFixed(1)} s; carebook ${fmtInt(appConnect.connected)} in ${(appConnect.ms / 1000).toFixed(1)} s (${appConnect.failed} refused)`,
      ],
    );
    const row = (name: string, l: Latency) => [
      name,
      fmtMs(l.p50),
      fmtMs(l.p95),
      fmtMs(l.p99),
      fmtMs(l.max),
      fmtInt(l.deliveries),
    ];
    printTable([
      ['deliveries (measured)', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'count'],
      row('baseline: emitter -> Redis adapter -> client', rawFigures.latency),
      row('carebook: from event (occurredAt, upper bound)', appFigures.fromEvent),
      row('carebook: from HTTP answer (lower bound)', appFigures.fromAnswer),
      ...Object.entries(appFigures.byEvent).map(([event, l]) => row(`  ${event} (from event)`, l)),
    ]);
    console.log('');
    printTable([
      ['', 'ops', 'expected', 'received', 'missing', 'duplicates', 'not sent'],
      [
        'baseline',
        fmtInt(rawFigures.ops),
        fmtInt(rawFigures.expected),
        fmtInt(rawFigures.received),
        fmtInt(rawFigures.expected - rawFigures.received),
        fmtInt(rawFigures.duplicates),
        fmtInt(plan.ops.length - warmupOps - rawFigures.ops),
      ],
      [
        'carebook',
        fmtInt(appFigures.ops),
        fmtInt(appFigures.expected),
        fmtInt(appFigures.received),
        fmtInt(appFigures.expected - appFigures.received),
        fmtInt(appFigures.duplicates),
        fmtInt(unsentOf(app, warmupOps)),
      ],
    ]);
    console.log(
      '\nwhere the time goes (carebook, per event unless noted; from the outbox row and the BullMQ job)',
    );
    printTable([
      ['stage', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'count'],
      ...stages.map(([name, l]) => row(name, l)),
    ]);
    console.log(
      `\ntarget   p99 <= ${TARGET_P99_MS} ms (from event): ${verdict(appFigures.fromEvent.p99 <= TARGET_P99_MS)} (${fmtMs(appFigures.fromEvent.p99)} ms; baseline ${fmtMs(rawFigures.latency.p99)} ms)`,
    );
    if (firstError) console.log(`HTTP errors: ${errors.length}, first: ${firstError}`);
    printTotal(started);
    return errors.length ? 1 : 0;
  } finally {
    for (const close of closers) {
      const t = Date.now();
      await close().catch(() => undefined);
      if (process.env.BENCH_DEBUG)
        console.error(`closed in ${Date.now() - t} ms: ${String(close)}`);
    }
    const t = Date.now();
    await reset().catch(() => undefined);
    if (process.env.BENCH_DEBUG) console.error(`reset in ${Date.now() - t} ms`);
  }
}

/** The actor the gateway resolves for a person (to give baseline sockets the same rooms). */
function actorOf(cast: Cast, p: Person) {
  if (p.kind === 'patient') return { kind: 'patient' as const, id: p.id };
  return {
    kind: 'staff' as const,
    id: p.id,
    role: (p.kind === 'desk' ? p.role : 'CLINICIAN') as never,
    centreIds: [cast.centreIds[p.centre]],
  };
}

interface Booking {
  op: number;
  clinician: Cast['clinicians'][number];
  patient: Cast['patients'][number];
  startsAt: string;
  /** Socket index of the desk user who books it. */
  desk: number;
}

interface Plan {
  /** Per op: the booking it books or checks in. */
  ops: Array<{ kind: 'book' | 'checkin'; booking: Booking }>;
  bookings: Booking[];
  baseline: BaselineOp[];
  carebook: (tokens: string[]) => CarebookOp[];
  /** Per op: the socket indexes that should receive each push. */
  audience: (op: number) => Array<{ event: string; sockets: number[] }>;
}

/**
 * Bookings and check-ins alternating: booking j goes to clinician j round-robin (over all
 * centres), at that clinician's next free slot from tomorrow, for a random patient, booked by
 * one of the centre's FRONT_DESK users; each check-in is of the booking CHECKIN_LAG earlier.
 */
function planOps(cast: Cast, count: number): Plan {
  const slots = fx.fixtureSlots(fx.localDate(1), fx.localDate(58));
  const random = prng(5);
  const bookings: Booking[] = [];
  const ops: Plan['ops'] = [];
  for (let i = 0; i < count; i++) {
    const checkIn = i % 2 === 1 && bookings.length > CHECKIN_LAG;
    if (checkIn) {
      ops.push({ kind: 'checkin', booking: bookings[bookings.length - 1 - CHECKIN_LAG] });
      continue;
    }
    const j = bookings.length;
    const clinician = cast.clinicians[j % cast.clinicians.length];
    const slot = slots[Math.floor(j / cast.clinicians.length)];
    if (slot === undefined) throw new Error('not enough free slots: lower --rate or --duration');
    const desk = cast.deskOf[clinician.centre];
    const booking: Booking = {
      op: i,
      clinician,
      patient: cast.patients[Math.floor(random() * cast.patients.length)],
      startsAt: new Date(slot).toISOString(),
      desk: desk[j % (desk.length - 1)], // FRONT_DESK users (the last one is the manager)
    };
    bookings.push(booking);
    ops.push({ kind: 'book', booking });
  }
  const audience = (i: number) => {
    const { kind, booking: b } = ops[i];
    const desk = cast.deskOf[b.clinician.centre];
    if (kind === 'book')
      return [{ event: 'appointment:new', sockets: [b.clinician.socket, ...desk] }];
    return [
      { event: 'appointment:update', sockets: [b.clinician.socket, b.patient.socket, ...desk] },
      { event: 'queue:update', sockets: desk },
    ];
  };
  const roomsOf = (i: number) => {
    const { kind, booking: b } = ops[i];
    const centre = cast.centreIds[b.clinician.centre];
    const parties = [Rooms.user(b.clinician.userId)];
    if (kind === 'book')
      return [{ event: 'appointment:new', rooms: [...parties, ...frontDeskOf(centre)] }];
    return [
      {
        event: 'appointment:update',
        rooms: [...parties, Rooms.patient(b.patient.id), ...frontDeskOf(centre)],
      },
      { event: 'queue:update', rooms: frontDeskOf(centre) },
    ];
  };
  const expectOf = (i: number) => audience(i).reduce((n, a) => n + a.sockets.length, 0);
  return {
    ops,
    bookings,
    audience,
    baseline: ops.map((_, i) => ({ emits: roomsOf(i), expect: expectOf(i) })),
    carebook: (tokens) =>
      ops.map(({ kind, booking: b }, i) =>
        kind === 'book'
          ? {
              kind,
              token: tokens[b.desk],
              expect: expectOf(i),
              body: {
                patientId: b.patient.id,
                clinicianId: b.clinician.clinicianId,
                centreId: cast.centreIds[b.clinician.centre],
                startsAt: b.startsAt,
                sessionType: 'IN_PERSON',
                source: 'FRONT_DESK',
                reason: 'Follow-up',
              },
            }
          : { kind, token: tokens[b.desk], of: b.op, expect: expectOf(i) },
      ),
  };
}

function baselineFigures(run: RunAnswer, plan: Plan, warmupOps: number) {
  const measured = run.receipts.filter((r) => Number(r.eventId.split('-')[1]) >= warmupOps);
  const unique = uniqueReceipts(measured);
  let expected = 0;
  let ops = 0;
  for (let i = warmupOps; i < plan.ops.length; i++)
    if (run.results[i]) {
      ops += 1;
      expected += plan.baseline[i].expect;
    }
  return {
    ops,
    expected,
    received: unique.length,
    duplicates: duplicatesOf(measured),
    latency: latencyOf(unique.map((r) => r.at - r.stamp)),
  };
}

/** Which op caused each receipt: its appointment (and, for queue:update, the event's id). */
function attribute(run: RunAnswer, plan: Plan): Map<string, number> {
  const opOf = new Map<string, number>(); // eventId -> op
  const byAppointment = new Map<string, number>(); // `${kind}|${appointmentId}` -> op
  for (const [i, r] of run.results.entries())
    if (r?.appointmentId) byAppointment.set(`${plan.ops[i].kind}|${r.appointmentId}`, i);
  // A check-in's answer is the appointment too; its booking's id is its booking op's answer.
  for (const [i, op] of plan.ops.entries()) {
    if (op.kind !== 'checkin' || !run.results[i] || run.results[i]!.status !== 200) continue;
    const id = run.results[op.booking.op]?.appointmentId;
    if (id) byAppointment.set(`checkin|${id}`, i);
  }
  for (const r of run.receipts) {
    if (!r.appointmentId) continue;
    const kind =
      r.event === 'appointment:new' ? 'book' : r.status === 'CHECKED_IN' ? 'checkin' : '';
    const op = byAppointment.get(`${kind}|${r.appointmentId}`);
    if (op !== undefined) opOf.set(r.eventId, op);
  }
  return opOf;
}

function carebookFigures(run: RunAnswer, plan: Plan, warmupOps: number) {
  const opOf = attribute(run, plan);
  const measured = run.receipts.filter((r) => (opOf.get(r.eventId) ?? -1) >= warmupOps);
  const unique = uniqueReceipts(measured);
  let expected = 0;
  let ops = 0;
  for (let i = warmupOps; i < plan.ops.length; i++) {
    const r = run.results[i];
    if (!r || (r.status !== 200 && r.status !== 201)) continue;
    ops += 1;
    expected += plan.audience(i).reduce((n, a) => n + a.sockets.length, 0);
  }
  const byEvent: Record<string, Latency> = {};
  for (const event of ['appointment:new', 'appointment:update', 'queue:update'])
    byEvent[event] = latencyOf(unique.filter((r) => r.event === event).map((r) => r.at - r.stamp));
  return {
    ops,
    expected,
    received: unique.length,
    duplicates: duplicatesOf(measured),
    fromEvent: latencyOf(unique.map((r) => r.at - r.stamp)),
    fromAnswer: latencyOf(unique.map((r) => r.at - run.results[opOf.get(r.eventId)!]!.answeredAt)),
    byEvent,
  };
}

/**
 * Measured ops never sent: beyond the in-flight cap, or check-ins whose booking had not answered
 * (or had failed) when they fell due.
 */
function unsentOf(run: RunAnswer, warmupOps: number): number {
  let n = 0;
  for (let i = warmupOps; i < run.results.length; i++) if (!run.results[i]) n += 1;
  return n;
}

function uniqueReceipts<T extends { socket: number; event: string; eventId: string }>(
  list: T[],
): T[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const k = `${r.socket}|${r.event}|${r.eventId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Per measured event: outbox occurred_at -> published_at (the relay's transaction start, i.e.
 * when it woke and took the row) -> BullMQ job timestamp (added) -> processedOn -> finishedOn,
 * and per delivery processedOn -> arrival (the push handler, the emitter, the adapter and the
 * socket) and finishedOn -> arrival (negative when a push arrives before the job's slowest
 * handler, e.g. the notifications' scheduling, finished).
 */
async function stagesOf(
  run: RunAnswer,
  opts: { databaseUrl: string; redisUrl: string },
  prefix: string,
  warmupOps: number,
  plan: Plan,
): Promise<Array<[string, Latency]>> {
  const opOf = attribute(run, plan);
  const ids = [...new Set(run.receipts.map((r) => r.eventId))].filter(
    (id) => (opOf.get(id) ?? -1) >= warmupOps,
  );
  const rows = await withClient(opts.databaseUrl, async (c) => {
    const { rows } = await c.query<{ id: string; occurred: number; published: number | null }>(
      `SELECT id, extract(epoch FROM occurred_at) * 1000 AS occurred,
              extract(epoch FROM published_at) * 1000 AS published
         FROM outbox WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [r.id, { occurred: Number(r.occurred), published: Number(r.published) }]),
    );
  });
  const connection = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(DOMAIN_EVENTS_QUEUE, { prefix, connection });
  const relay: number[] = [];
  const enqueue: number[] = [];
  const pickup: number[] = [];
  const handle: number[] = [];
  const fanout: number[] = [];
  const sincePickup: number[] = [];
  const finished = new Map<string, number>();
  const picked = new Map<string, number>();
  try {
    for (const id of ids) {
      const row = rows.get(id);
      const job = await queue.getJob(id);
      if (!row || !job) continue;
      relay.push(row.published - row.occurred);
      enqueue.push(job.timestamp - row.published);
      if (job.processedOn) pickup.push(job.processedOn - job.timestamp);
      if (job.processedOn && job.finishedOn) handle.push(job.finishedOn - job.processedOn);
      if (job.finishedOn) finished.set(id, job.finishedOn);
      if (job.processedOn) picked.set(id, job.processedOn);
    }
  } finally {
    await queue.close();
    connection.disconnect();
  }
  for (const r of uniqueReceipts(run.receipts)) {
    const f = finished.get(r.eventId);
    if (f !== undefined) fanout.push(r.at - f);
    const p = picked.get(r.eventId);
    if (p !== undefined) sincePickup.push(r.at - p);
  }
  return [
    ['occurredAt -> relay took the row (published_at)', latencyOf(relay)],
    ['relay took it -> BullMQ job added', latencyOf(enqueue)],
    ['job added -> picked up (processedOn)', latencyOf(pickup)],
    ['picked up -> all handlers done (finishedOn)', latencyOf(handle)],
    ['picked up -> arrival (per delivery)', latencyOf(sincePickup)],
    ['all handlers done -> arrival (per delivery)', latencyOf(fanout)],
  ];
}

/** Warns when the soft file-descriptor limit is below ~2 per socket plus room for pools. */
function checkFileLimit(sockets: number, log: (line: string) => void): void {
  const need = sockets * 2 + 300;
  try {
    const soft = execSync('ulimit -n', { shell: '/bin/sh', encoding: 'utf8' }).trim();
    if (soft !== 'unlimited' && Number(soft) < need)
      log(
        `WARNING  ulimit -n is ${soft}; ${sockets} sockets need ~${need}: run \`ulimit -n 8192\` first`,
      );
  } catch {
    // no shell: the bench will say which connections failed
  }
}

runMain(main);
