import { AuditEntry, DomainEvent, OutboxWriter, RateLimitedError, Role, UnitOfWork } from '@carebook/core';
import { ConsumeOutcome, SessionPrincipal, SessionStore } from '../application/ports/session-store';
import { FAILED_SIGN_INS_PER_HOUR, SignInFailures } from '../application/ports/sign-in-failures';
import { PasswordHasher } from '../application/ports/password-hasher';
import { StaffUser, StaffUserState } from '../domain/staff-user';
import { StaffUserRepository } from '../domain/staff-user.repository';

/** Spec-only stand-ins for identity's ports (not exported from the barrel). */
export class InMemoryStaffUserRepository extends StaffUserRepository {
  readonly rows = new Map<string, StaffUserState>();

  async findById(id: string): Promise<StaffUser | undefined> {
    const row = this.rows.get(id);
    return row && !row.deletedAt ? StaffUser.restore(row) : undefined;
  }
  async findByUsername(username: string): Promise<StaffUser | undefined> {
    const row = [...this.rows.values()].find(
      (r) => !r.deletedAt && r.username?.toLowerCase() === username.toLowerCase(),
    );
    return row && StaffUser.restore(row);
  }
  async findByPhone(phone: string): Promise<StaffUser | undefined> {
    const row = [...this.rows.values()].find((r) => !r.deletedAt && r.phone === phone);
    return row && StaffUser.restore(row);
  }
  async anyAdminExists(): Promise<boolean> {
    return [...this.rows.values()].some((r) => r.role === Role.ADMIN && !r.deletedAt);
  }
  async save(user: StaffUser): Promise<void> {
    user.pullEvents();
    this.rows.set(user.id, user.snapshot());
  }
}

/** Readable "hashes" and a log of every check, so specs can see the dummy verify happen. */
export class FakePasswordHasher extends PasswordHasher {
  readonly verified: Array<{ hash: string | null; password: string }> = [];

  async hash(password: string): Promise<string> {
    return `hashed:${password}`;
  }
  async verify(hash: string | null, password: string): Promise<boolean> {
    this.verified.push({ hash, password });
    return hash !== null && hash === `hashed:${password}`;
  }
}

/** A restored user with sensible defaults; specs override what they test. */
export function aStaffUser(overrides: Partial<StaffUserState> = {}): StaffUser {
  const at = new Date('2026-03-01T09:00:00Z');
  return StaffUser.restore({
    id: '7b0c5c1e-3f5a-4d43-9a51-0f3c2a9d1e01',
    fullName: 'Asha Rao',
    phone: '+919800000001',
    email: null,
    username: 'asha',
    passwordHash: 'hashed:correct horse battery',
    role: Role.FRONT_DESK,
    centreIds: ['0d8f6a52-6a0e-4b7e-9d55-3b1c6f0c2a10'],
    isActive: true,
    deletedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  });
}

/** Sessions and refresh tokens in memory, with the same single-use rule as the SQL store. */
export class InMemorySessionStore extends SessionStore {
  readonly sessions = new Map<string, { principal: SessionPrincipal; revokedAt: Date | null; reason: string | null }>();
  readonly tokens = new Map<string, { sessionId: string; expiresAt: Date; usedAt: Date | null }>();

  async open(sessionId: string, principal: SessionPrincipal): Promise<void> {
    this.sessions.set(sessionId, { principal, revokedAt: null, reason: null });
  }
  async addToken(sessionId: string, tokenHash: string, _issuedAt: Date, expiresAt: Date): Promise<void> {
    this.tokens.set(tokenHash, { sessionId, expiresAt, usedAt: null });
  }
  async consume(tokenHash: string, now: Date): Promise<ConsumeOutcome> {
    const token = this.tokens.get(tokenHash);
    if (!token) return { kind: 'invalid' };
    const session = this.sessions.get(token.sessionId)!;
    if (token.usedAt) return { kind: 'reused', sessionId: token.sessionId };
    if (session.revokedAt || token.expiresAt <= now) return { kind: 'invalid' };
    token.usedAt = now;
    return { kind: 'rotated', sessionId: token.sessionId, principalType: session.principal.type, principalId: session.principal.id };
  }
  async revokeByToken(tokenHash: string, reason: string, now: Date) {
    const token = this.tokens.get(tokenHash);
    if (!token) return undefined;
    await this.revoke(token.sessionId, reason, now);
    const { principal } = this.sessions.get(token.sessionId)!;
    return { sessionId: token.sessionId, principalType: principal.type, principalId: principal.id };
  }
  async revoke(sessionId: string, reason: string, now: Date): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (session && !session.revokedAt) Object.assign(session, { revokedAt: now, reason });
  }
  async revokeAllOf(principalId: string, reason: string, now: Date): Promise<void> {
    for (const [id, s] of this.sessions) if (s.principal.id === principalId) await this.revoke(id, reason, now);
  }
}

/** Counts failures per subject; the cap is checked like the SQL version. */
export class InMemorySignInFailures extends SignInFailures {
  readonly failures: Array<{ subject: string; at: Date }> = [];
  async assertBelowCap(subject: string, now: Date): Promise<void> {
    const recent = this.failures.filter((f) => f.subject === subject && now.getTime() - f.at.getTime() < 3600_000);
    if (recent.length >= FAILED_SIGN_INS_PER_HOUR) throw new RateLimitedError(60);
  }
  async record(subject: string, now: Date): Promise<void> {
    this.failures.push({ subject, at: now });
  }
}

/** Remembers entries instead of writing them. */
export class RecordingAuditLog {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
  async recordNow(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
}

/** Keeps the events appended to the outbox instead of writing them. */
export class RecordingOutbox {
  readonly events: DomainEvent[] = [];
  async append(_manager: unknown, events: readonly DomainEvent[]): Promise<void> {
    this.events.push(...events);
  }
  asOutboxWriter(): OutboxWriter {
    return this as unknown as OutboxWriter;
  }
}

/** Runs work directly: the in-memory fakes need no transaction. */
export const directUnitOfWork = { run: <T>(work: () => Promise<T>) => work(), manager: () => undefined } as unknown as UnitOfWork;
