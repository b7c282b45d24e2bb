import { AUTH_CONFIG, AuditLog, newId, OutboxWriter, UnitOfWork } from '@carebook/core';
import type { AuthConfig } from '@carebook/core';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { SessionEnded } from '../../domain/events/session-events';
import { RefreshTokenInvalidError, TokenReusedError } from '../../domain/sign-in.errors';
import { SessionPrincipal, SessionStore } from '../ports/session-store';
import { TokenIssuer } from '../token-issuer';

/** What every sign-in and refresh answers. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  refreshExpiresIn: number;
  tokenType: 'Bearer';
}

export const hashRefreshToken = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

/**
 * Sessions as refresh-token families: sign-in opens one; every refresh consumes the presented
 * token and issues the next; presenting a consumed token again revokes the whole family
 * (someone holds a stolen copy), and logout revokes it too.
 */
@Injectable()
export class SessionTokens {
  constructor(
    private readonly store: SessionStore,
    private readonly tokens: TokenIssuer,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
    @Inject(AUTH_CONFIG) private readonly config: Pick<AuthConfig, 'refreshTtlSeconds'>,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Opens a session for a signed-in principal (inside the caller's transaction). */
  async start(principal: SessionPrincipal, now: Date): Promise<TokenPair> {
    const sessionId = newId();
    await this.store.open(sessionId, principal, now);
    return this.pair(principal, sessionId, now);
  }

  /**
   * Trades a refresh token for the session's next pair. Of concurrent presentations of one token
   * exactly one succeeds; presenting a used token revokes the whole session (TOKEN_REUSED); a
   * token of the other principal type, or of a user who may no longer sign in, is refused.
   */
  async rotate(
    refreshToken: string,
    expectedType: SessionPrincipal['type'],
    now: Date,
    currentPrincipal: (id: string) => Promise<SessionPrincipal | undefined>,
  ): Promise<TokenPair> {
    const result = await this.uow.run(async () => {
      const outcome = await this.store.consume(hashRefreshToken(refreshToken), now);
      if (outcome.kind !== 'rotated') return outcome;
      // Rolls the consumption back: a token shown at the wrong door stays usable at the right one.
      if (outcome.principalType !== expectedType) throw new RefreshTokenInvalidError();
      const principal = await currentPrincipal(outcome.principalId);
      if (!principal) {
        await this.store.revoke(outcome.sessionId, 'principal may no longer sign in', now);
        return { kind: 'invalid' as const };
      }
      return { kind: 'ok' as const, pair: await this.pair(principal, outcome.sessionId, now) };
    });
    if (result.kind === 'reused') {
      // Outside the transaction above, so the revocation stands although the request fails.
      await this.uow.run(async (manager) => {
        await this.store.revoke(result.sessionId, 'refresh token reused', now);
        await this.outbox.append(manager, [new SessionEnded(result.sessionId, 'TOKEN_REUSED', now)]);
      });
      await this.audit.recordNow({
        action: 'auth.token.reused',
        actor: null,
        targetType: 'session',
        targetId: result.sessionId,
      });
      throw new TokenReusedError();
    }
    if (result.kind === 'invalid') throw new RefreshTokenInvalidError();
    return result.pair;
  }

  async end(
    refreshToken: string,
    now: Date,
  ): Promise<{ sessionId: string; principalType: 'staff' | 'patient'; principalId: string } | undefined> {
    // The revocation and its event (live sockets of the session are disconnected) commit together.
    return this.uow.run(async (manager) => {
      const ended = await this.store.revokeByToken(hashRefreshToken(refreshToken), 'logout', now);
      if (ended) await this.outbox.append(manager, [new SessionEnded(ended.sessionId, 'SIGNED_OUT', now)]);
      return ended;
    });
  }

  /** A new access token and the session's next refresh token. */
  async pair(principal: SessionPrincipal, sessionId: string, now: Date): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresIn = this.config.refreshTtlSeconds;
    await this.store.addToken(
      sessionId,
      hashRefreshToken(refreshToken),
      now,
      new Date(now.getTime() + refreshExpiresIn * 1000),
    );
    const access = await this.tokens.issue(principal, sessionId);
    return { ...access, refreshToken, refreshExpiresIn };
  }
}
