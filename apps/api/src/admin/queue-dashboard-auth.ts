import {
  AccessTokenClaims,
  Actor,
  actorFromClaims,
  AUTH_CONFIG,
  AuthConfig,
  ForbiddenError,
  PrincipalGate,
  Role,
  UnauthenticatedError,
} from '@carebook/core';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac, createSecretKey, KeyObject, randomUUID } from 'node:crypto';
import { DASHBOARD_PATH } from './dashboard-queues';

/** The dashboard cookie: HttpOnly, SameSite=Strict, sent only to the dashboard's paths. */
export const DASHBOARD_COOKIE = 'carebook_queues';
const AUDIENCE = 'carebook:queue-dashboard';
const SIGN_IN_HINT =
  `Send an ADMIN's access token as a Bearer header, or POST /api/v1/admin/queues/session with it ` +
  `to get a dashboard cookie, then open ${DASHBOARD_PATH}/.`;

interface DashboardClaims {
  sub: string;
  sid: string;
}

/**
 * Who may open the queue dashboard: an ADMIN, shown either by an access token (`Authorization:
 * Bearer`, for API clients) or by the dashboard cookie a browser got from
 * `POST /api/v1/admin/queues/session`. The cookie holds a JWT signed with a key derived from
 * the JWT secret for this purpose alone (so it is never an API access token), naming the
 * admin's session: every request asks the PrincipalGate, so signing out, deactivation or a
 * new role stops it at once, like an access token.
 */
@Injectable()
export class QueueDashboardAuth {
  private readonly cookieKey: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Optional() private readonly gate?: PrincipalGate,
  ) {
    const derived = createHmac('sha256', config.jwtSecret).update(AUDIENCE).digest();
    this.cookieKey = createSecretKey(derived);
  }

  /** How long a dashboard cookie lasts: as long as an access token. */
  get cookieTtlSeconds(): number {
    return this.config.accessTtlSeconds;
  }

  /** The admin behind a request's Bearer token or dashboard cookie; throws 401 / 403. */
  async admin(headers: { authorization?: string; cookie?: string }): Promise<Actor> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    const cookie = readCookie(headers.cookie, DASHBOARD_COOKIE);
    let claims: AccessTokenClaims | undefined;
    if (bearer) claims = await this.verifyAccessToken(bearer);
    else if (cookie) claims = await this.verifyCookie(cookie);
    if (!claims) throw new UnauthenticatedError(`Sign in as an ADMIN. ${SIGN_IN_HINT}`);
    const actor = this.gate ? await this.gate.resolve(claims) : actorFromClaims(claims);
    if (!actor) throw new UnauthenticatedError(`Sign in as an ADMIN. ${SIGN_IN_HINT}`);
    if (actor.kind !== 'staff' || actor.role !== Role.ADMIN) {
      throw new ForbiddenError('The queue dashboard is for ADMIN only.');
    }
    return actor;
  }

  /** A dashboard cookie value for the session of a verified ADMIN access token. */
  async issueCookie(accessToken: string): Promise<{ value: string; expiresAt: Date }> {
    const claims = await this.verifyAccessToken(accessToken);
    if (!claims?.sid) throw new UnauthenticatedError();
    const payload: DashboardClaims = { sub: claims.sub, sid: claims.sid };
    const value = await this.jwt.signAsync(payload, {
      secret: this.cookieKey as unknown as string,
      algorithm: 'HS256',
      audience: AUDIENCE,
      expiresIn: this.cookieTtlSeconds,
      jwtid: randomUUID(),
    });
    return { value, expiresAt: new Date(Date.now() + this.cookieTtlSeconds * 1000) };
  }

  private async verifyAccessToken(token: string): Promise<AccessTokenClaims | undefined> {
    return this.jwt
      .verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] })
      .catch(() => undefined);
  }

  private async verifyCookie(token: string): Promise<AccessTokenClaims | undefined> {
    const claims = await this.jwt
      .verifyAsync<DashboardClaims & { jti: string }>(token, {
        secret: this.cookieKey as unknown as string,
        algorithms: ['HS256'],
        audience: AUDIENCE,
      })
      .catch(() => undefined);
    return claims && { sub: claims.sub, sid: claims.sid, typ: 'staff', jti: claims.jti };
  }
}

/** One cookie's value from a Cookie header (no cookie-parser on this app). */
function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
