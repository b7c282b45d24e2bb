import { UnauthenticatedError } from '@carebook/core';
import type { Namespace, Socket } from 'socket.io';
import { NotificationsGateway } from './notifications.gateway';
import type { SocketAuthenticator } from './socket-authenticator';

/** Runs the gateway's handshake middleware once with an authenticator that fails as given. */
async function handshakeRefusal(failure: unknown): Promise<Error & { data?: { code: string } }> {
  const auth = { authenticate: () => Promise.reject(failure) } as unknown as SocketAuthenticator;
  let middleware!: (socket: Socket, next: (error?: Error) => void) => void;
  new NotificationsGateway(auth).afterInit({
    use: (fn: typeof middleware) => (middleware = fn),
  } as unknown as Namespace);
  const socket = { handshake: { auth: { token: 'a.b.c' } } } as unknown as Socket;
  return new Promise((resolve) =>
    middleware(socket, (error) => resolve(error as Error & { data?: { code: string } })),
  );
}

describe('NotificationsGateway handshake refusals', () => {
  it('answers a bad token with its code: the client must sign in again', async () => {
    const refused = await handshakeRefusal(new UnauthenticatedError());
    expect(refused.message).toBe('UNAUTHENTICATED');
    expect(refused.data).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('answers SERVICE_UNAVAILABLE when the session check itself fails (database down): retry, keep the session', async () => {
    const refused = await handshakeRefusal(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    expect(refused.message).toBe('SERVICE_UNAVAILABLE');
    expect(refused.data).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  });
});
