import {
  AccessTokenClaims,
  Actor,
  actorFromClaims,
  PrincipalGate,
  UnauthenticatedError,
} from '@carebook/core';
import { Injectable, Optional } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

/** Who a socket speaks for, and until when. */
export interface SocketPrincipal {
  actor: Actor;
  /** When the access token runs out (ms since the epoch): the socket is disconnected then. */
  expiresAt: number;
  /** The sign-in session (`sid`): the socket is disconnected when it ends (sign-out). */
  sessionId?: string;
}

const MAX_TOKEN_LENGTH = 8 * 1024;

/**
 * Checks an access token exactly as the HTTP guard does: HS256 signature with the API's
 * secret and expiry (`JwtService.verify`, `alg: none` never accepted), then the PrincipalGate
 * (session open, user active; role and centres from the database). Used at the handshake and
 * for `auth:refresh`.
 */
@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly jwt: JwtService,
    @Optional() private readonly gate?: PrincipalGate,
  ) {}

  /** The principal of `token`; UnauthenticatedError for anything but a standing token. */
  async authenticate(token: unknown): Promise<SocketPrincipal> {
    if (typeof token !== 'string' || !token || token.length > MAX_TOKEN_LENGTH) {
      throw new UnauthenticatedError();
    }
    let claims: AccessTokenClaims;
    try {
      claims = this.jwt.verify<AccessTokenClaims>(token.replace(/^Bearer\s+/i, ''), {
        algorithms: ['HS256'],
      });
    } catch {
      throw new UnauthenticatedError('The access token is invalid or has expired.');
    }
    // Every token we issue expires; one that does not could hold a socket open for ever.
    if (typeof claims.exp !== 'number') throw new UnauthenticatedError();
    const actor = this.gate ? await this.gate.resolve(claims) : actorFromClaims(claims);
    if (!actor) throw new UnauthenticatedError('The session has ended.');
    return { actor, expiresAt: claims.exp * 1000, sessionId: claims.sid };
  }
}
