import { AccessTokenClaims, AUTH_CONFIG, newId } from '@carebook/core';
import type { AuthConfig } from '@carebook/core';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { SessionPrincipal } from './ports/session-store';

/** A signed access token and how long it lives. */
export interface IssuedAccessToken {
  accessToken: string;
  /** Lifetime in seconds. */
  expiresIn: number;
  tokenType: 'Bearer';
}

/**
 * Signs access tokens (HS256, with the secret core's JwtStrategy verifies). Claims: `sub`,
 * `typ`, `role` and centre ids (`cid`) for staff, the session id (`sid`) that the PrincipalGate
 * checks on every request, and a unique `jti`.
 */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_CONFIG) private readonly config: Pick<AuthConfig, 'accessTtlSeconds'>,
  ) {}

  async issue(principal: SessionPrincipal, sessionId: string): Promise<IssuedAccessToken> {
    const claims: AccessTokenClaims =
      principal.type === 'staff'
        ? { sub: principal.id, typ: 'staff', role: principal.role as AccessTokenClaims['role'], cid: principal.centreIds, sid: sessionId, jti: newId() }
        : { sub: principal.id, typ: 'patient', sid: sessionId, jti: newId() };
    const expiresIn = this.config.accessTtlSeconds;
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    return { accessToken, expiresIn, tokenType: 'Bearer' };
  }
}
