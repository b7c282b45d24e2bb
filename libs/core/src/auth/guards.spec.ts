import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '../errors/domain-error';
import type { AccessTokenClaims, Actor } from './actor';
import { IS_PUBLIC } from './decorators';
import { JwtAuthGuard } from './guards';
import { JwtStrategy } from './jwt.strategy';
import { jwtKey } from './jwt-key';
import { PrincipalGate } from './principal-gate';
import { Role } from './roles';

const secret = 'a-test-secret-that-is-at-least-32-characters';
const jwt = new JwtService({ secret: jwtKey({ jwtSecret: secret }), verifyOptions: { algorithms: ['HS256'] } });
const staff = { sub: 'u1', typ: 'staff', role: Role.ADMIN, cid: [], sid: 's1', jti: 'j1' } as const;

/** Refuses session `revoked`, as identity's gate does for a logged-out session. */
class SessionGate extends PrincipalGate {
  resolve(claims: AccessTokenClaims): Promise<Actor | undefined> {
    return Promise.resolve(claims.sid === 'revoked' ? undefined : { kind: 'staff', id: claims.sub, role: Role.MANAGER, centreIds: [] });
  }
}

class Routes {
  open() {}
  closed() {}
}
Reflect.defineMetadata(IS_PUBLIC, true, Routes.prototype.open);

function call(route: 'open' | 'closed', authorization?: string) {
  const request: { headers: Record<string, string | undefined>; user?: Actor } = { headers: { authorization } };
  const context = {
    getHandler: () => Routes.prototype[route],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}), getNext: () => () => undefined }),
  } as unknown as ExecutionContext;
  const guard = new JwtAuthGuard(new Reflector());
  return { request, result: guard.canActivate(context) };
}

describe('JwtAuthGuard (passport-jwt with the PrincipalGate)', () => {
  // Registers the `jwt` strategy with passport, as AuthCoreModule does.
  beforeAll(() => new JwtStrategy({ jwtSecret: secret } as never, new SessionGate()));

  it('admits a standing token with the actor the gate answers', async () => {
    const { request, result } = call('closed', `Bearer ${jwt.sign(staff, { algorithm: 'HS256', expiresIn: 60 })}`);
    await expect(result).resolves.toBe(true);
    expect(request.user).toEqual({ kind: 'staff', id: 'u1', role: Role.MANAGER, centreIds: [] });
  });

  it.each([
    ['no token', undefined],
    ['another scheme', `Basic ${jwt.sign(staff, { algorithm: 'HS256' })}`],
    ['a bad signature', `Bearer ${new JwtService({ secret: `${secret}-x` }).sign(staff, { algorithm: 'HS256' })}`],
    ['an expired token', `Bearer ${jwt.sign({ ...staff, exp: Math.floor(Date.now() / 1000) - 10 }, { algorithm: 'HS256' })}`],
    ['alg none', `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(staff)).toString('base64url')}.`],
    ['a session the gate refuses', `Bearer ${jwt.sign({ ...staff, sid: 'revoked' }, { algorithm: 'HS256', expiresIn: 60 })}`],
  ])('refuses %s with UNAUTHENTICATED, and leaves a public route anonymous', async (_, authorization) => {
    await expect(call('closed', authorization).result).rejects.toBeInstanceOf(UnauthenticatedError);
    const open = call('open', authorization);
    await expect(open.result).resolves.toBe(true);
    expect(open.request.user).toBeUndefined();
  });
});
