import { AccessTokenClaims, actorFromClaims, AuditLog, InvalidCredentialsError, Role } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import { JwtService } from '@nestjs/jwt';
import {
  aStaffUser,
  directUnitOfWork,
  FakePasswordHasher,
  InMemorySessionStore,
  InMemorySignInFailures,
  InMemoryStaffUserRepository,
  RecordingAuditLog,
  RecordingOutbox,
} from '../../../testing/identity-fakes';
import { SessionTokens } from '../../sessions/session-tokens';
import { StaffSignIn } from '../../sessions/staff-sign-in';
import { TokenIssuer } from '../../token-issuer';
import { LoginWithUsernamePassword } from './login-with-username-password.command';
import { LoginWithUsernamePasswordHandler } from './login-with-username-password.handler';

const SECRET = 'a-test-secret-that-is-at-least-32-characters';
const PASSWORD = 'correct horse battery';

describe('LoginWithUsernamePasswordHandler', () => {
  let users: InMemoryStaffUserRepository;
  let hasher: FakePasswordHasher;
  let handler: LoginWithUsernamePasswordHandler;
  let failures: InMemorySignInFailures;
  let audit: RecordingAuditLog;
  const jwt = new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS256' } });

  beforeEach(async () => {
    users = new InMemoryStaffUserRepository();
    hasher = new FakePasswordHasher();
    failures = new InMemorySignInFailures();
    audit = new RecordingAuditLog();
    const auditLog = audit as unknown as AuditLog;
    const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));
    const sessions = new SessionTokens(
      new InMemorySessionStore(),
      new TokenIssuer(jwt, { accessTtlSeconds: 900 }),
      directUnitOfWork,
      auditLog,
      { refreshTtlSeconds: 604800 },
      new RecordingOutbox().asOutboxWriter(),
    );
    const signIn = new StaffSignIn(hasher, failures, sessions, directUnitOfWork, clock, auditLog);
    handler = new LoginWithUsernamePasswordHandler(users, signIn);
    await users.save(aStaffUser());
  });

  const login = (username: string, password: string) =>
    handler.execute(new LoginWithUsernamePassword(username, password));

  it('answers a signed access token with the staff claims, and the user', async () => {
    const result = await login(' ASHA ', PASSWORD);
    expect(result).toMatchObject({ expiresIn: 900, tokenType: 'Bearer', refreshExpiresIn: 604800 });
    expect(result.refreshToken).toMatch(/^[\w-]{43}$/);
    expect(audit.entries.map((e) => e.action)).toEqual(['auth.login.succeeded']);
    expect(result.user).toMatchObject({ username: 'asha', role: Role.FRONT_DESK, isActive: true });
    expect(result.user).not.toHaveProperty('passwordHash');

    const claims = jwt.verify<AccessTokenClaims & { iat: number; exp: number }>(result.accessToken);
    expect(claims).toMatchObject({
      sub: result.user.id,
      typ: 'staff',
      role: Role.FRONT_DESK,
      cid: ['0d8f6a52-6a0e-4b7e-9d55-3b1c6f0c2a10'],
      sid: expect.any(String),
    });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.exp - claims.iat).toBe(900);
    expect(actorFromClaims(claims)).toEqual({
      kind: 'staff',
      id: result.user.id,
      role: Role.FRONT_DESK,
      centreIds: claims.cid,
    });
  });

  it('gives every token its own jti', async () => {
    const [a, b] = [await login('asha', PASSWORD), await login('asha', PASSWORD)];
    expect(jwt.decode(a.accessToken).jti).not.toBe(jwt.decode(b.accessToken).jti);
  });

  it('refuses a wrong password, counting the failure and auditing it without the password', async () => {
    await expect(login('asha', 'wrong')).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(failures.failures.map((f) => f.subject)).toEqual(['username:asha']);
    expect(audit.entries).toEqual([
      { action: 'auth.login.failed', actor: null, metadata: { method: 'username-password', account: 'username:as**' } },
    ]);
  });

  it('stops after 100 failures of one account in an hour (RATE_LIMITED), even with the right password', async () => {
    for (let i = 0; i < 100; i++) await failures.record('username:asha', new Date('2026-03-01T08:30:00Z'));
    await expect(login('asha', PASSWORD)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('refuses an unknown user after a dummy check, so timing does not reveal who exists', async () => {
    await expect(login('nobody', PASSWORD)).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(hasher.verified).toEqual([{ hash: null, password: PASSWORD }]);
  });

  it('refuses a deactivated user even with the right password', async () => {
    await users.save(aStaffUser({ isActive: false }));
    await expect(login('asha', PASSWORD)).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(hasher.verified).toHaveLength(1);
  });

  it('refuses a deleted user and a user without a password', async () => {
    await users.save(aStaffUser({ isActive: false, deletedAt: new Date() }));
    await expect(login('asha', PASSWORD)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await users.save(
      aStaffUser({
        id: 'b4f8e0a4-5b39-4a4c-8f55-1d5f0f7e2c02',
        username: 'otp.only',
        passwordHash: null,
      }),
    );
    await expect(login('otp.only', PASSWORD)).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });
});
