import { UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { ConsumeOutcome, SessionPrincipal, SessionStore } from '../application/ports/session-store';

/** Sessions and refresh tokens in PostgreSQL; the single-use rule is one conditional UPDATE. */
@Injectable()
export class TypeormSessionStore extends SessionStore {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private q<T = unknown>(sql: string, params: unknown[]): Promise<T> {
    return this.uow.manager().query(sql, params);
  }

  /** TypeORM answers UPDATE ... RETURNING as `[rows, affected]`; this answers the rows. */
  private async returning<T>(sql: string, params: unknown[]): Promise<T[]> {
    const [rows] = await this.q<[T[], number]>(sql, params);
    return rows;
  }

  async open(sessionId: string, principal: SessionPrincipal, now: Date): Promise<void> {
    await this.q(
      `INSERT INTO auth_sessions (id, principal_type, principal_id, created_at, last_used_at) VALUES ($1, $2, $3, $4, $4)`,
      [sessionId, principal.type, principal.id, now],
    );
  }

  async addToken(sessionId: string, tokenHash: string, issuedAt: Date, expiresAt: Date): Promise<void> {
    await this.q(
      `INSERT INTO refresh_tokens (id, session_id, token_hash, issued_at, expires_at) VALUES (gen_random_uuid(), $1, $2, $3, $4)`,
      [sessionId, tokenHash, issuedAt, expiresAt],
    );
  }

  async consume(tokenHash: string, now: Date): Promise<ConsumeOutcome> {
    // Row lock + re-check: of concurrent presentations exactly one sees used_at IS NULL.
    const [rotated] = await this.returning<{ session_id: string; principal_type: 'staff' | 'patient'; principal_id: string }>(
      `UPDATE refresh_tokens t SET used_at = $2
         FROM auth_sessions s
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2
          AND s.id = t.session_id AND s.revoked_at IS NULL
       RETURNING t.session_id, s.principal_type, s.principal_id`,
      [tokenHash, now],
    );
    if (rotated) {
      await this.q(`UPDATE auth_sessions SET last_used_at = $2 WHERE id = $1`, [rotated.session_id, now]);
      return { kind: 'rotated', sessionId: rotated.session_id, principalType: rotated.principal_type, principalId: rotated.principal_id };
    }
    const [known] = await this.q<Array<{ session_id: string; used_at: Date | null }>>(
      `SELECT session_id, used_at FROM refresh_tokens WHERE token_hash = $1`,
      [tokenHash],
    );
    if (known?.used_at) return { kind: 'reused', sessionId: known.session_id };
    return { kind: 'invalid' };
  }

  async revokeByToken(tokenHash: string, reason: string, now: Date) {
    const [row] = await this.returning<{ id: string; principal_type: 'staff' | 'patient'; principal_id: string }>(
      `UPDATE auth_sessions s SET revoked_at = COALESCE(s.revoked_at, $2), revoked_reason = COALESCE(s.revoked_reason, $3)
         FROM refresh_tokens t
        WHERE t.token_hash = $1 AND s.id = t.session_id
       RETURNING s.id, s.principal_type, s.principal_id`,
      [tokenHash, now, reason],
    );
    return row ? { sessionId: row.id, principalType: row.principal_type, principalId: row.principal_id } : undefined;
  }

  async revoke(sessionId: string, reason: string, now: Date): Promise<void> {
    await this.q(`UPDATE auth_sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
      now,
      reason,
    ]);
  }

  async revokeAllOf(principalId: string, reason: string, now: Date): Promise<void> {
    await this.q(
      `UPDATE auth_sessions SET revoked_at = $2, revoked_reason = $3 WHERE principal_id = $1 AND revoked_at IS NULL`,
      [principalId, now, reason],
    );
  }
}
