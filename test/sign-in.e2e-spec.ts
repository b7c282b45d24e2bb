import { Clock } from '@carebook/core';
import {
  adminToken,
  createCentre,
  createStaffAndLogin,
  FixedClock,
  openTestDataSource,
  readOtp,
  signInPatient,
  startTestApi,
  startTestWorker,
  TestApi,
  uniquePhone,
} from '@carebook/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('Sign-in by OTP, sessions and refresh-token rotation', () => {
  let api: TestApi;
  let worker: { close(): Promise<void> };
  let db: DataSource;
  let admin: string;
  let centreId: string;

  beforeAll(async () => {
    api = await startTestApi(AppModule);
    worker = await startTestWorker(WorkerModule);
    db = await openTestDataSource();
    admin = await adminToken(api.http);
    centreId = (await createCentre(api.http, admin)).id;
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await db.destroy();
  });

  const auditActions = async (since: Date) =>
    (
      await db.query(`SELECT action FROM audit_events WHERE occurred_at >= $1 ORDER BY id`, [since])
    ).map((r: { action: string }) => r.action);

  it('registers a patient on the first verified code, signs them in again later, and keeps patients off staff routes', async () => {
    const phone = uniquePhone();
    await api.http
      .post('/api/v1/patient-auth/send-otp')
      .send({ phone: phone.replace('+91', '0') })
      .expect(202);
    const { code } = await readOtp(api.http, phone);
    expect(code).toMatch(/^\d{6}$/);
    const first = await api.http
      .post('/api/v1/patient-auth/verify-otp')
      .send({ phone, code, fullName: 'Priya Sharma' })
      .expect(200);
    expect(first.body).toMatchObject({
      registered: true,
      tokenType: 'Bearer',
      patient: { phone, fullName: 'Priya Sharma' },
    });
    const me = await api.http
      .get('/api/v1/patient-auth/me')
      .set(bearer(first.body.accessToken))
      .expect(200);
    expect(me.body.id).toBe(first.body.patient.id);

    const again = await signInPatient(api.http, phone);
    expect(again.id).toBe(first.body.patient.id);

    expect(
      (await api.http.get('/api/v1/auth/me').set(bearer(again.token)).expect(403)).body.code,
    ).toBe('FORBIDDEN');
    expect(
      (await api.http.post('/api/v1/centres').set(bearer(again.token)).send({}).expect(403)).body
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (await api.http.get('/api/v1/patient-auth/me').set(bearer(admin)).expect(403)).body.code,
    ).toBe('FORBIDDEN');
  });

  it('answers send-otp identically for known and unknown staff phones, and sends only to the known one', async () => {
    const staff = await createStaffAndLogin(api.http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centreId],
    });
    const unknown = uniquePhone();
    const known = await api.http
      .post('/api/v1/auth/send-otp')
      .send({ phone: staff.user.phone })
      .expect(202);
    const stranger = await api.http
      .post('/api/v1/auth/send-otp')
      .send({ phone: unknown })
      .expect(202);
    expect(stranger.body).toEqual(known.body);
    expect(Object.keys(stranger.headers).sort()).toEqual(Object.keys(known.headers).sort());

    const { code } = await readOtp(api.http, staff.user.phone!);
    const login = await api.http
      .post('/api/v1/auth/login/phone-otp')
      .send({ phone: staff.user.phone, code })
      .expect(200);
    expect(login.body.user).toMatchObject({ id: staff.id, role: 'FRONT_DESK' });
    await api.http.get('/api/v1/auth/me').set(bearer(login.body.accessToken)).expect(200);
    // Single use.
    expect(
      (
        await api.http
          .post('/api/v1/auth/login/phone-otp')
          .send({ phone: staff.user.phone, code })
          .expect(401)
      ).body.code,
    ).toBe('OTP_INVALID');

    await new Promise((r) => setTimeout(r, 300));
    expect(
      (await api.http.get('/api/v1/dev/messages').query({ to: unknown }).expect(200)).body.items,
    ).toEqual([]);
    const guess = await api.http
      .post('/api/v1/auth/login/phone-otp')
      .send({ phone: unknown, code: '000000' })
      .expect(401);
    expect(guess.body.code).toBe('OTP_INVALID');
  });

  it('binds a code to its purpose and voids it when a newer one is sent', async () => {
    const staff = await createStaffAndLogin(api.http, admin, {
      role: 'CAREGIVER',
      centreIds: [centreId],
    });
    const phone = staff.user.phone!;
    await api.http.post('/api/v1/auth/send-otp').send({ phone }).expect(202);
    const first = await readOtp(api.http, phone);
    const asPatient = await api.http
      .post('/api/v1/patient-auth/verify-otp')
      .send({ phone, code: first.code })
      .expect(401);
    expect(asPatient.body.code).toBe('OTP_INVALID');

    await api.http.post('/api/v1/auth/send-otp').send({ phone }).expect(202);
    const second = await readOtp(api.http, phone, first.messageId);
    if (second.code !== first.code) {
      await api.http
        .post('/api/v1/auth/login/phone-otp')
        .send({ phone, code: first.code })
        .expect(401);
    }
    await api.http
      .post('/api/v1/auth/login/phone-otp')
      .send({ phone, code: second.code })
      .expect(200);
  });

  it('locks a code after 5 wrong guesses, audits it, and allows 3 sends per phone per 15 minutes', async () => {
    const since = new Date();
    const phone = uniquePhone();
    await api.http.post('/api/v1/patient-auth/send-otp').send({ phone }).expect(202);
    const { code } = await readOtp(api.http, phone);
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 4; i++) {
      expect(
        (
          await api.http
            .post('/api/v1/patient-auth/verify-otp')
            .send({ phone, code: wrong })
            .expect(401)
        ).body.code,
      ).toBe('OTP_INVALID');
    }
    expect(
      (
        await api.http
          .post('/api/v1/patient-auth/verify-otp')
          .send({ phone, code: wrong })
          .expect(423)
      ).body.code,
    ).toBe('OTP_LOCKED');
    expect(
      (await api.http.post('/api/v1/patient-auth/verify-otp').send({ phone, code }).expect(423))
        .body.code,
    ).toBe('OTP_LOCKED');
    const actions = await auditActions(since);
    expect(actions.filter((a: string) => a === 'auth.login.failed')).toHaveLength(4);
    expect(actions).toContain('auth.otp.locked');

    await api.http.post('/api/v1/patient-auth/send-otp').send({ phone }).expect(202);
    await api.http.post('/api/v1/patient-auth/send-otp').send({ phone }).expect(202);
    const limited = await api.http
      .post('/api/v1/patient-auth/send-otp')
      .send({ phone })
      .expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM otp_challenges WHERE phone = $1`, [phone]))[0]
        .n,
    ).toBe(3);
  });

  it('rejects invalid phones with 400 and stores codes only as hashes', async () => {
    const bad = await api.http
      .post('/api/v1/patient-auth/send-otp')
      .send({ phone: '12345' })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('phone');
    const patient = await signInPatient(api.http);
    const rows = await db.query(`SELECT code_hash FROM otp_challenges WHERE phone = $1`, [
      patient.phone,
    ]);
    expect(rows[0].code_hash).not.toMatch(/^\d{6}$/);
  });

  it('rotates refresh tokens: R1 -> R2 -> R3, then R1 again revokes the family (R3 and its access token die)', async () => {
    const since = new Date();
    const p = await signInPatient(api.http);
    const r2 = (
      await api.http
        .post('/api/v1/patient-auth/refresh-token')
        .send({ refreshToken: p.refreshToken })
        .expect(200)
    ).body;
    const r3 = (
      await api.http
        .post('/api/v1/patient-auth/refresh-token')
        .send({ refreshToken: r2.refreshToken })
        .expect(200)
    ).body;
    await api.http.get('/api/v1/patient-auth/me').set(bearer(r3.accessToken)).expect(200);
    const reuse = await api.http
      .post('/api/v1/patient-auth/refresh-token')
      .send({ refreshToken: p.refreshToken })
      .expect(401);
    expect(reuse.body.code).toBe('TOKEN_REUSED');
    await api.http
      .post('/api/v1/patient-auth/refresh-token')
      .send({ refreshToken: r3.refreshToken })
      .expect(401);
    await api.http.get('/api/v1/patient-auth/me').set(bearer(r3.accessToken)).expect(401);
    expect(await auditActions(since)).toContain('auth.token.reused');
    const stored = await db.query(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = $1`,
      [p.refreshToken],
    );
    expect(stored[0].n).toBe(0);
  });

  it('gives exactly one success to ten parallel refreshes of one token', async () => {
    const p = await signInPatient(api.http);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.http.post('/api/v1/patient-auth/refresh-token').send({ refreshToken: p.refreshToken }),
      ),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(
      answers.filter((r) => r.status === 401).every((r) => r.body.code === 'TOKEN_REUSED'),
    ).toBe(true);
  });

  it('refuses a refresh token at the other principal door without burning it', async () => {
    const p = await signInPatient(api.http);
    await api.http.post('/api/v1/auth/refresh').send({ refreshToken: p.refreshToken }).expect(401);
    await api.http
      .post('/api/v1/patient-auth/refresh-token')
      .send({ refreshToken: p.refreshToken })
      .expect(200);
  });

  it('logout revokes the session: refresh and the live access token are refused (both audited)', async () => {
    const since = new Date();
    const staff = await createStaffAndLogin(api.http, admin, {
      role: 'CLINICIAN',
      centreIds: [centreId],
    });
    const login = (
      await api.http
        .post('/api/v1/auth/login/username-password')
        .send({ username: staff.username, password: staff.password })
        .expect(200)
    ).body;
    await api.http
      .post('/api/v1/auth/logout')
      .send({ refreshToken: login.refreshToken })
      .expect(204);
    await api.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: login.refreshToken })
      .expect(401);
    await api.http.get('/api/v1/auth/me').set(bearer(login.accessToken)).expect(401);
    await api.http.get('/api/v1/auth/me').set(bearer(staff.token)).expect(200);
    const rows = await db.query(
      `SELECT action, actor_id FROM audit_events WHERE occurred_at >= $1 AND actor_id = $2 ORDER BY id`,
      [since, staff.id],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'auth.login.succeeded',
      'auth.login.succeeded',
      'auth.logout',
    ]);
  });

  it('refuses a deactivated user at the next request with a live token, and their refresh', async () => {
    const staff = await createStaffAndLogin(api.http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centreId],
    });
    const login = (
      await api.http
        .post('/api/v1/auth/login/phone-password')
        .send({ phone: staff.user.phone, password: staff.password })
        .expect(200)
    ).body;
    await api.http.get('/api/v1/auth/me').set(bearer(login.accessToken)).expect(200);
    await api.http.patch(`/api/v1/users/${staff.id}/toggle-active`).set(bearer(admin)).expect(200);
    await api.http.get('/api/v1/auth/me').set(bearer(login.accessToken)).expect(401);
    await api.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: login.refreshToken })
      .expect(401);
    const retry = await api.http
      .post('/api/v1/auth/login/phone-password')
      .send({ phone: staff.user.phone, password: staff.password })
      .expect(401);
    expect(retry.body.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('Per-IP limit on sending codes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(AppModule);
  });
  afterAll(() => api.close());

  it('answers 429 with Retry-After past 20 sends from one IP in 15 minutes, whatever the phones (counted per route)', async () => {
    for (let i = 0; i < 20; i++)
      await api.http
        .post('/api/v1/patient-auth/send-otp')
        .send({ phone: uniquePhone() })
        .expect(202);
    const res = await api.http
      .post('/api/v1/patient-auth/send-otp')
      .send({ phone: uniquePhone() })
      .expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('OTP expiry (fake clock)', () => {
  const clock = new FixedClock(new Date('2026-03-29T00:57:00Z'));
  let api: TestApi;
  let worker: { close(): Promise<void> };
  beforeAll(async () => {
    api = await startTestApi(AppModule, {
      override: (b) => b.overrideProvider(Clock).useValue(clock),
    });
    worker = await startTestWorker(WorkerModule);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('accepts a code at 4:59 and refuses one at 5:00', async () => {
    const early = uniquePhone();
    clock.set('2026-03-29T00:57:00Z');
    await api.http.post('/api/v1/patient-auth/send-otp').send({ phone: early }).expect(202);
    const a = await readOtp(api.http, early);
    clock.set('2026-03-29T01:01:59Z');
    await api.http
      .post('/api/v1/patient-auth/verify-otp')
      .send({ phone: early, code: a.code })
      .expect(200);

    const late = uniquePhone();
    clock.set('2026-03-29T00:57:00Z');
    await api.http.post('/api/v1/patient-auth/send-otp').send({ phone: late }).expect(202);
    const b = await readOtp(api.http, late);
    clock.set('2026-03-29T01:02:00Z');
    expect(
      (
        await api.http
          .post('/api/v1/patient-auth/verify-otp')
          .send({ phone: late, code: b.code })
          .expect(401)
      ).body.code,
    ).toBe('OTP_INVALID');
  });
});
