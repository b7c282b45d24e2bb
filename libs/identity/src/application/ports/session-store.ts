/** Who a session belongs to. */
export type SessionPrincipal =
  | { type: 'staff'; id: string; role: string; centreIds: string[] }
  | { type: 'patient'; id: string };

export type ConsumeOutcome =
  | { kind: 'rotated'; sessionId: string; principalType: 'staff' | 'patient'; principalId: string }
  | { kind: 'reused'; sessionId: string }
  | { kind: 'invalid' };

/**
 * Port: sessions (refresh-token families) and their single-use refresh tokens, stored as hashes.
 * `consume` is atomic: of many concurrent presentations of one token exactly one rotates.
 */
export abstract class SessionStore {
  abstract open(sessionId: string, principal: SessionPrincipal, now: Date): Promise<void>;
  abstract addToken(
    sessionId: string,
    tokenHash: string,
    issuedAt: Date,
    expiresAt: Date,
  ): Promise<void>;
  abstract consume(tokenHash: string, now: Date): Promise<ConsumeOutcome>;
  /** Revokes the session the token belongs to; answers its id and principal when there was one. */
  abstract revokeByToken(
    tokenHash: string,
    reason: string,
    now: Date,
  ): Promise<{ sessionId: string; principalType: 'staff' | 'patient'; principalId: string } | undefined>;
  abstract revoke(sessionId: string, reason: string, now: Date): Promise<void>;
  abstract revokeAllOf(principalId: string, reason: string, now: Date): Promise<void>;
}
