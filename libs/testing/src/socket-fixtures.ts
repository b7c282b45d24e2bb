import { io, Socket } from 'socket.io-client';

/** One event a test socket received, with when (ms since the epoch). */
export interface ReceivedEvent {
  event: string;
  payload: Record<string, unknown>;
  at: number;
}

/** A `/notifications` client of a test API that records everything the server pushes. */
export interface TestSocket {
  socket: Socket;
  received: ReceivedEvent[];
  /** What arrived for `event` (optionally only payloads matching `where`). */
  of(event: string, where?: (payload: Record<string, unknown>) => boolean): ReceivedEvent[];
  /** Waits for the first `event` matching `where` (already received counts), else fails. */
  next(
    event: string,
    where?: (payload: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedEvent>;
  /** Emits with an acknowledgement and answers it. */
  request(event: string, body: unknown, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): void;
}

function openSocket(url: string, auth: Record<string, unknown> | undefined): Socket {
  // One transport and no reconnection: a test sees exactly one connection attempt.
  return io(`${url}/notifications`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
}

/** Connects to `url` + `/notifications` with `token` in the handshake; rejects on `connect_error`. */
export async function connectSocket(url: string, token: string): Promise<TestSocket> {
  const socket = openSocket(url, { token });
  const received: ReceivedEvent[] = [];
  socket.onAny((event: string, payload: Record<string, unknown>) =>
    received.push({ event, payload, at: Date.now() }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  const of: TestSocket['of'] = (event, where = () => true) =>
    received.filter((r) => r.event === event && where(r.payload));
  return {
    socket,
    received,
    of,
    async next(event, where, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const [first] = of(event, where);
        if (first) return first;
        if (Date.now() > until) throw new Error(`no ${event} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    request: (event, body, timeoutMs = 5000) =>
      socket.timeout(timeoutMs).emitWithAck(event, body) as Promise<Record<string, unknown>>,
    close: () => void socket.close(),
  };
}

/**
 * Tries to connect with `auth` (e.g. `{ token }`, or nothing) and answers the `connect_error`
 * the server refused it with; fails when the connection is accepted.
 */
export async function connectRefusal(
  url: string,
  auth?: Record<string, unknown>,
): Promise<Error & { data?: { code?: string } }> {
  const socket = openSocket(url, auth);
  try {
    return await new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('the server accepted the connection')));
      socket.once('connect_error', (error) => resolve(error));
    });
  } finally {
    socket.close();
  }
}

/** Resolves with the reason when `socket` disconnects within `timeoutMs`, else undefined. */
export function disconnectWithin(socket: Socket, timeoutMs: number): Promise<string | undefined> {
  if (!socket.connected) return Promise.resolve('already disconnected');
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off('disconnect', onDisconnect);
      resolve(undefined);
    }, timeoutMs);
    const onDisconnect = (reason: string) => {
      clearTimeout(timer);
      resolve(reason);
    };
    socket.once('disconnect', onDisconnect);
  });
}
