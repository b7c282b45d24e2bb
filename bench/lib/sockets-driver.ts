/**
 * Main-thread side of bench:sockets: the client thread (socket-clients.ts) behind a small
 * promise API, the baseline server, and the latency figures of a run.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Server } from 'socket.io';
import { percentile } from './load';
import type { Command, ConnectAnswer, Receipt, RunAnswer } from './socket-clients';

export type { BaselineOp, CarebookOp, Pace, Receipt, RunAnswer } from './socket-clients';

/** The client thread: one command at a time. */
export class SocketClients {
  private readonly worker = new Worker(path.join(__dirname, 'socket-clients.js'));
  private failed?: Error;

  constructor() {
    this.worker.on('error', (error) => (this.failed = error));
  }

  connect(url: string, auths: Array<Record<string, unknown>>, parallel = 50) {
    return this.send<ConnectAnswer>({ cmd: 'connect', url, auths, parallel });
  }

  disconnect() {
    return this.send<unknown>({ cmd: 'disconnect' });
  }

  run(command: Extract<Command, { cmd: 'carebook' | 'baseline' }>) {
    return this.send<RunAnswer>(command);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private send<T>(command: Command): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.worker.once('error', onError);
      this.worker.once('message', (m: { ok: boolean; answer?: T; error?: string }) => {
        this.worker.off('error', onError);
        if (m.ok) resolve(m.answer as T);
        else reject(new Error(`client thread: ${m.error}`));
      });
      this.worker.postMessage(command);
    });
  }
}

export interface BaselineServer {
  url: string;
  key: string;
  close: () => Promise<void>;
}

/**
 * The transport alone: a plain Socket.IO server (no auth, no Nest) with
 * `@socket.io/redis-adapter` on its own channel key, namespace `/notifications`; each socket
 * joins the rooms its handshake names (the rooms carebook's gateway would choose for it).
 */
export async function startBaselineServer(redisUrl: string, key: string): Promise<BaselineServer> {
  const httpServer = http.createServer();
  const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  const pub = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const sub = new Redis(redisUrl, { maxRetriesPerRequest: null });
  io.adapter(createAdapter(pub, sub, { key }));
  io.of('/notifications').on('connection', (socket) => {
    const rooms = (socket.handshake.auth as { rooms?: unknown }).rooms;
    if (Array.isArray(rooms)) void socket.join(rooms.filter((r) => typeof r === 'string'));
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  // Give the adapter's PSUBSCRIBE a moment to be in place before anything is emitted.
  await new Promise((r) => setTimeout(r, 200));
  return {
    url: `http://127.0.0.1:${port}`,
    key,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      pub.disconnect();
      sub.disconnect();
    },
  };
}

export interface Latency {
  deliveries: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function latencyOf(values: number[]): Latency {
  const sorted = Float64Array.from(values).sort();
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    deliveries: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

/** Receipts of one (socket, event, eventId) beyond the first. */
export function duplicatesOf(receipts: Receipt[]): number {
  const seen = new Set<string>();
  let dup = 0;
  for (const r of receipts) {
    const k = `${r.socket}|${r.event}|${r.eventId}`;
    if (seen.has(k)) dup += 1;
    else seen.add(k);
  }
  return dup;
}
