import { DomainError } from '@carebook/core';
import {
  ClientEvents,
  ConnectionEvents,
  MAX_CITY_LENGTH,
  normalizeCity,
  NOTIFICATIONS_NAMESPACE,
  Rooms,
  roomsFor,
} from '@carebook/realtime';
import { Logger } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { SocketAuthenticator, SocketPrincipal } from './socket-authenticator';

/** What the gateway keeps on each socket (`socket.data`). */
interface SocketState {
  principal: SocketPrincipal;
  expiry?: NodeJS.Timeout;
  city?: string;
  refreshing?: boolean;
}
type Ack = (answer: Record<string, unknown>) => void;

/**
 * `/notifications`: authenticated in the handshake (`io(url + '/notifications', { auth: {
 * token } })`), refused at connect otherwise (`connect_error` with message UNAUTHENTICATED).
 * The server puts each socket in its rooms (`roomsFor`, and its session's: a sign-out
 * disconnects it); pushes come from the worker through
 * the Redis adapter, never from here. A socket is disconnected when its token expires (after
 * an `auth:expired` event) unless the client sends `auth:refresh` with a new token first.
 * Messages are handled with plain socket listeners: the HTTP guards do not apply to sockets.
 */
@WebSocketGateway({ namespace: NOTIFICATIONS_NAMESPACE })
export class NotificationsGateway
  implements OnGatewayInit<Namespace>, OnGatewayConnection<Socket>, OnGatewayDisconnect<Socket>
{
  private readonly logger = new Logger(NotificationsGateway.name);

  constructor(private readonly auth: SocketAuthenticator) {}

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      this.auth.authenticate(socket.handshake.auth?.token).then(
        (principal) => {
          socket.data = { principal } satisfies SocketState;
          next();
        },
        (error: unknown) => next(this.refusal(error)),
      );
    });
  }

  handleConnection(socket: Socket): void {
    const state = socket.data as SocketState;
    void socket.join(roomsOf(state.principal));
    this.armExpiry(socket);
    socket.on(
      ClientEvents.refresh,
      (body: unknown, ack?: Ack) => void this.refresh(socket, body, ack),
    );
    socket.on(ClientEvents.subscribeCity, (body: unknown, ack?: Ack) =>
      this.subscribeCity(socket, body, ack),
    );
    socket.on(ClientEvents.unsubscribeCity, (_: unknown, ack?: Ack) =>
      this.subscribeCity(socket, undefined, ack),
    );
  }

  handleDisconnect(socket: Socket): void {
    clearTimeout((socket.data as SocketState).expiry);
  }

  /** Disconnects the socket when its token runs out, telling it why first. */
  private armExpiry(socket: Socket): void {
    const state = socket.data as SocketState;
    clearTimeout(state.expiry);
    const expiresAt = state.principal.expiresAt;
    // Access tokens live at most a day (JWT_ACCESS_TTL_SECONDS), well within a timer's range.
    state.expiry = setTimeout(
      () => {
        socket.emit(ConnectionEvents.expired, { expiredAt: new Date(expiresAt).toISOString() });
        socket.disconnect();
      },
      Math.max(0, expiresAt - Date.now()),
    );
    state.expiry.unref();
  }

  /**
   * `auth:refresh` `{ token }`: a newer access token of the same principal, verified like the
   * handshake's. Rooms are chosen again (role and centres may have changed) and the expiry moves.
   * Acks `{ ok: true, expiresAt }` or `{ ok: false, code }`; a refused refresh keeps the old expiry.
   */
  private async refresh(socket: Socket, body: unknown, ack?: Ack): Promise<void> {
    const reply: Ack = typeof ack === 'function' ? ack : () => undefined;
    const state = socket.data as SocketState;
    if (state.refreshing) return reply({ ok: false, code: 'RATE_LIMITED' });
    state.refreshing = true;
    try {
      const next = await this.auth.authenticate(tokenIn(body));
      const current = state.principal.actor;
      if (next.actor.kind !== current.kind || next.actor.id !== current.id) {
        return reply({ ok: false, code: 'FORBIDDEN', message: 'The token is for someone else.' });
      }
      if (!socket.connected) return;
      const rooms = roomsOf(next);
      for (const room of roomsOf(state.principal)) if (!rooms.includes(room)) void socket.leave(room);
      void socket.join(rooms);
      state.principal = next;
      this.armExpiry(socket);
      reply({ ok: true, expiresAt: new Date(next.expiresAt).toISOString() });
    } catch (error) {
      reply({ ok: false, code: this.refusal(error).message });
    } finally {
      state.refreshing = false;
    }
  }

  /**
   * `subscribe:city` `{ city }` (patients): `clinician:new` for that city from now on. One city
   * per socket; a new one replaces it, `unsubscribe:city` (or no city) leaves it.
   */
  private subscribeCity(socket: Socket, body: unknown, ack?: Ack): void {
    const reply: Ack = typeof ack === 'function' ? ack : () => undefined;
    const state = socket.data as SocketState;
    if (state.principal.actor.kind !== 'patient') {
      return reply({ ok: false, code: 'FORBIDDEN', message: 'City updates are for patients.' });
    }
    const raw = typeof body === 'string' ? body : (body as { city?: unknown } | undefined)?.city;
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      return reply({ ok: false, code: 'VALIDATION_FAILED', message: 'city must be a string.' });
    }
    const city = raw ? normalizeCity(raw) : '';
    if (city.length > MAX_CITY_LENGTH) {
      return reply({ ok: false, code: 'VALIDATION_FAILED', message: 'city is too long.' });
    }
    if (state.city) void socket.leave(Rooms.city(state.city));
    state.city = city || undefined;
    if (state.city) void socket.join(Rooms.city(state.city));
    reply({ ok: true, city: state.city ?? null });
  }

  /** The error a refused handshake (or refresh) answers: UNAUTHENTICATED, or a retryable outage. */
  private refusal(error: unknown): Error & { data: { code: string } } {
    const code = error instanceof DomainError ? error.code : 'SERVICE_UNAVAILABLE';
    if (!(error instanceof DomainError)) {
      // The gate could not answer (database down): the client should retry, not sign in again.
      this.logger.warn(`socket authentication failed: ${(error as Error)?.message ?? error}`);
    }
    return Object.assign(new Error(code), { data: { code } });
  }
}

/** The rooms a socket of `principal` is in: the actor's (roomsFor) and its session's. */
function roomsOf(principal: SocketPrincipal): string[] {
  const rooms = roomsFor(principal.actor);
  return principal.sessionId ? [...rooms, Rooms.session(principal.sessionId)] : rooms;
}

function tokenIn(body: unknown): unknown {
  return typeof body === 'string' ? body : (body as { token?: unknown } | undefined)?.token;
}
