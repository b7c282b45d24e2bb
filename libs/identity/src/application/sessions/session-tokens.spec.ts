import { AuditLog } from '@carebook/core';
import { JwtService } from '@nestjs/jwt';
import { directUnitOfWork, InMemorySessionStore, RecordingAuditLog, RecordingOutbox } from '../../testing/identity-fakes';
import { SessionPrincipal } from '../ports/session-store';
import { TokenIssuer } from '../token-issuer';
import { hashRefreshToken, SessionTokens } from './session-tokens';

const jwt = new JwtService({ secret: 'a-test-secret-that-is-at-least-32-characters' });
const patient: SessionPrincipal = { type: 'patient', id: '6a0b1f7e-0c55-4b8e-a0a9-6ad1c2b5e0f3' };
const now = new Date('2026-03-01T09:00:00Z');

describe('SessionTokens', () => {
  let store: InMemorySessionStore;
  let audit: RecordingAuditLog;
  let sessions: SessionTokens;
  let outbox: RecordingOutbox;
  const still = async (id: string) => ({ type: 'patient' as const, id });

  beforeEach(() => {
    store = new InMemorySessionStore();
    audit = new RecordingAuditLog();
    outbox = new RecordingOutbox();
    sessions = new SessionTokens(
      store,
      new TokenIssuer(jwt, { accessTtlSeconds: 900 }),
      directUnitOfWork,
      audit as unknown as AuditLog,
      { refreshTtlSeconds: 3600 },
      outbox.asOutboxWriter(),
    );
  });

  it('rotates R1 -> R2 -> R3; R1 again revokes the family, so R3 no longer works', async () => {
    const r1 = await sessions.start(patient, now);
    const r2 = await sessions.rotate(r1.refreshToken, 'patient', now, still);
    const r3 = await sessions.rotate(r2.refreshToken, 'patient', now, still);
    expect(jwt.decode(r3.accessToken).sid).toBe(jwt.decode(r1.accessToken).sid);
    await expect(sessions.rotate(r1.refreshToken, 'patient', now, still)).rejects.toMatchObject({ code: 'TOKEN_REUSED' });
    await expect(sessions.rotate(r3.refreshToken, 'patient', now, still)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
    expect(audit.entries.map((e) => e.action)).toEqual(['auth.token.reused']);
    // The session's live sockets are told (realtime disconnects the session's room).
    expect(outbox.events).toEqual([
      expect.objectContaining({ eventName: 'identity.SessionEnded', aggregateId: jwt.decode(r1.accessToken).sid, reason: 'TOKEN_REUSED' }),
    ]);
  });

  it('stores only hashes of refresh tokens', async () => {
    const { refreshToken } = await sessions.start(patient, now);
    expect(store.tokens.has(refreshToken)).toBe(false);
    expect(store.tokens.has(hashRefreshToken(refreshToken))).toBe(true);
  });

  it('refuses expired tokens, tokens of the other principal type, and principals who may no longer sign in', async () => {
    const a = await sessions.start(patient, now);
    await expect(sessions.rotate(a.refreshToken, 'patient', new Date(now.getTime() + 3600_000), still)).rejects.toMatchObject({
      code: 'REFRESH_TOKEN_INVALID',
    });
    const b = await sessions.start(patient, now);
    await expect(sessions.rotate(b.refreshToken, 'staff', now, still)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
    const c = await sessions.start(patient, now);
    await expect(sessions.rotate(c.refreshToken, 'patient', now, async () => undefined)).rejects.toMatchObject({
      code: 'REFRESH_TOKEN_INVALID',
    });
    await expect(sessions.rotate('never-issued', 'patient', now, still)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('logout revokes the family, with a SessionEnded event', async () => {
    const a = await sessions.start(patient, now);
    expect(await sessions.end(a.refreshToken, now)).toMatchObject({ principalId: patient.id });
    expect(outbox.events).toEqual([
      expect.objectContaining({ eventName: 'identity.SessionEnded', aggregateId: jwt.decode(a.accessToken).sid, reason: 'SIGNED_OUT' }),
    ]);
    await expect(sessions.rotate(a.refreshToken, 'patient', now, still)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });
});
