/**
 * The socket side of bench:sockets, in a worker thread (its own event loop, away from the API
 * in the main thread): N Socket.IO clients on `/notifications` (websocket transport, one
 * connection each, as a browser tab), every push they receive timestamped on arrival, and the
 * traffic that causes the pushes, sent at a steady rate from the same thread so that send,
 * answer and arrival times share one clock:
 *   carebook  HTTP bookings and check-ins against the API;
 *   baseline  `@socket.io/redis-emitter` emits to the same rooms (the transport alone).
 * Driven by messages from the main thread (see SocketClients in sockets-driver.ts).
 */
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread, parentPort } from 'node:worker_threads';
import { io, Socket } from 'socket.io-client';

/** Milliseconds since the epoch with sub-millisecond resolution. */
const now = () => performance.timeOrigin + performance.now();

export interface Receipt {
  socket: number;
  event: string;
  eventId: string;
  at: number;
  /** carebook: the event's occurredAt (ms); baseline: when it was emitted. */
  stamp: number;
  appointmentId?: string;
  status?: string;
}

export interface OpResult {
  sentAt: number;
  answeredAt: number;
  status: number;
  appointmentId?: string;
  error?: string;
}

export type CarebookOp =
  | { kind: 'book'; token: string; body: Record<string, unknown>; expect: number }
  /** Checks in the appointment booked by op `of` (skipped when that booking failed). */
  | { kind: 'checkin'; token: string; of: number; expect: number };

/** The pushes carebook would send for one op, emitted straight to their rooms. */
export interface BaselineOp {
  emits: Array<{ event: string; rooms: string[] }>;
  expect: number;
}

export interface Pace {
  /** Operations per second. */
  rate: number;
  /** At most this many HTTP requests in flight; an op due beyond it is skipped. */
  maxInFlight: number;
  /** After the last op, wait for missing deliveries at most this long. */
  drainMs: number;
}

export type Command =
  | { cmd: 'connect'; url: string; auths: Array<Record<string, unknown>>; parallel: number }
  | { cmd: 'disconnect' }
  | { cmd: 'carebook'; port: number; ops: CarebookOp[]; pace: Pace }
  | { cmd: 'baseline'; redisUrl: string; key: string; ops: BaselineOp[]; pace: Pace; pad: string };

export interface ConnectAnswer {
  connected: number;
  failed: number;
  firstError?: string;
  ms: number;
}

export interface RunAnswer {
  receipts: Receipt[];
  results: Array<OpResult | undefined>;
  skipped: number;
  elapsedMs: number;
  /** Deliveries expected from the ops that succeeded, and whether the drain saw them all. */
  expected: number;
  drained: boolean;
}

let sockets: Socket[] = [];
let receipts: Receipt[] = [];

function record(index: number, event: string, payload: Record<string, unknown> | undefined) {
  const at = now();
  if (!payload || typeof payload.eventId !== 'string') return;
  const stamp =
    typeof payload.sentAt === 'number'
      ? payload.sentAt
      : typeof payload.occurredAt === 'string'
        ? Date.parse(payload.occurredAt)
        : NaN;
  receipts.push({
    socket: index,
    event,
    eventId: payload.eventId,
    at,
    stamp,
    appointmentId: typeof payload.appointmentId === 'string' ? payload.appointmentId : undefined,
    status: typeof payload.status === 'string' ? payload.status : undefined,
  });
}

async function connectAll(
  url: string,
  auths: Array<Record<string, unknown>>,
  parallel: number,
): Promise<ConnectAnswer> {
  const t0 = now();
  let failed = 0;
  let firstError: string | undefined;
  const out: Socket[] = new Array(auths.length);
  let next = 0;
  const one = async (): Promise<void> => {
    for (let i = next++; i < auths.length; i = next++) {
      const socket = io(`${url}/notifications`, {
        auth: auths[i],
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: 20_000,
      });
      const index = i;
      socket.onAny((event: string, payload: Record<string, unknown>) =>
        record(index, event, payload),
      );
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', (e: Error) => reject(e));
        });
        out[i] = socket;
      } catch (error) {
        failed += 1;
        firstError ??= (error as Error).message;
        socket.close();
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, one));
  sockets = out.filter(Boolean);
  return { connected: sockets.length, failed, firstError, ms: now() - t0 };
}

/** Calls `fire(i)` for every op at its due time (`rate` per second from now), bounded in flight. */
async function paced(
  count: number,
  pace: Pace,
  fire: (i: number) => Promise<void> | void,
): Promise<{ skipped: number; elapsedMs: number }> {
  const interval = 1000 / pace.rate;
  const t0 = performance.now() + 20;
  let inFlight = 0;
  let skipped = 0;
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const wait = t0 + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    if (inFlight >= pace.maxInFlight) {
      skipped += 1;
      continue;
    }
    inFlight += 1;
    pending.push(
      Promise.resolve(fire(i)).finally(() => {
        inFlight -= 1;
      }),
    );
  }
  await Promise.all(pending);
  return { skipped, elapsedMs: performance.now() - t0 };
}

/** Waits until `expected` receipts arrived or `drainMs` passed. */
async function drain(expected: number, drainMs: number): Promise<boolean> {
  const until = performance.now() + drainMs;
  while (receipts.length < expected && performance.now() < until) await sleep(20);
  return receipts.length >= expected;
}

async function runCarebook(port: number, ops: CarebookOp[], pace: Pace): Promise<RunAnswer> {
  receipts = [];
  const results: Array<OpResult | undefined> = new Array(ops.length);
  const base = `http://127.0.0.1:${port}/api/v1`;
  const send = async (i: number): Promise<void> => {
    const op = ops[i];
    let path: string;
    let method: string;
    let body: Record<string, unknown>;
    if (op.kind === 'book') {
      path = '/booking/front-desk';
      method = 'POST';
      body = op.body;
    } else {
      const booked = results[op.of]?.appointmentId;
      if (!booked) return; // its booking failed or has not answered yet
      path = `/appointments/${booked}/status`;
      method = 'PATCH';
      body = { status: 'CHECKED_IN' };
    }
    const sentAt = now();
    try {
      const res = await fetch(base + path, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${op.token}` },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      const answeredAt = now();
      const ok = res.status === 200 || res.status === 201;
      results[i] = {
        sentAt,
        answeredAt,
        status: res.status,
        appointmentId: ok ? (JSON.parse(text) as { id?: string }).id : undefined,
        error: ok ? undefined : text.slice(0, 300),
      };
    } catch (error) {
      results[i] = { sentAt, answeredAt: now(), status: 0, error: (error as Error).message };
    }
  };
  const { skipped, elapsedMs } = await paced(ops.length, pace, send);
  const expected = ops.reduce((n, op, i) => n + (results[i]?.appointmentId ? op.expect : 0), 0);
  const drained = await drain(expected, pace.drainMs);
  return { receipts: receipts.splice(0), results, skipped, elapsedMs, expected, drained };
}

async function runBaseline(c: Extract<Command, { cmd: 'baseline' }>): Promise<RunAnswer> {
  receipts = [];
  const redis = new Redis(c.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const emitter = new Emitter(redis, { key: c.key }).of('/notifications');
    const results: Array<OpResult | undefined> = new Array(c.ops.length);
    const { skipped, elapsedMs } = await paced(c.ops.length, c.pace, (i) => {
      const sentAt = now();
      for (const [k, e] of c.ops[i].emits.entries())
        emitter.to(e.rooms).emit(e.event, { eventId: `b-${i}-${k}`, sentAt, pad: c.pad });
      results[i] = { sentAt, answeredAt: sentAt, status: 200 };
    });
    const expected = c.ops.reduce((n, op) => n + op.expect, 0);
    const drained = await drain(expected, c.pace.drainMs);
    return { receipts: receipts.splice(0), results, skipped, elapsedMs, expected, drained };
  } finally {
    redis.disconnect();
  }
}

async function handle(c: Command): Promise<unknown> {
  switch (c.cmd) {
    case 'connect':
      return connectAll(c.url, c.auths, c.parallel);
    case 'disconnect':
      for (const s of sockets.splice(0)) s.close();
      return { ok: true };
    case 'carebook':
      return runCarebook(c.port, c.ops, c.pace);
    case 'baseline':
      return runBaseline(c);
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', (c: Command) => {
    handle(c).then(
      (answer) => port.postMessage({ ok: true, answer }),
      (error: Error) => port.postMessage({ ok: false, error: error.stack ?? error.message }),
    );
  });
}
