import { adminToken, centreInput, createCentre, createStaffAndLogin, startTestApi, TEST_ADMIN, TestApi } from '@carebook/testing';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../apps/api/src/app.module';

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Staff sign-in and route guards', () => {
  let api: TestApi;
  let jwt: JwtService;
  beforeAll(async () => {
    api = await startTestApi(AppModule);
    jwt = api.app.get(JwtService);
  });
  afterAll(() => api.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const claims = (extra: object = {}) => ({ sub: randomUUID(), typ: 'staff', role: 'ADMIN', cid: [], jti: randomUUID(), ...extra });

  it('signs the bootstrap admin in with a 15-minute token and answers /me', async () => {
    const res = await api.http.post('/api/v1/auth/login/username-password').send(TEST_ADMIN).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { username: TEST_ADMIN.username, role: 'ADMIN' } });
    const decoded = jwt.decode(res.body.accessToken);
    expect(decoded).toMatchObject({ sub: res.body.user.id, typ: 'staff', role: 'ADMIN', jti: expect.any(String) });
    expect(decoded.exp - decoded.iat).toBe(900);
    const me = await api.http.get('/api/v1/auth/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ id: res.body.user.id, role: 'ADMIN', centreIds: [] });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('answers every wrong credential with the same 401 INVALID_CREDENTIALS', async () => {
    const wrong = await api.http.post('/api/v1/auth/login/username-password').send({ ...TEST_ADMIN, password: 'nope-nope-nope' }).expect(401);
    const unknown = await api.http.post('/api/v1/auth/login/username-password').send({ username: 'ghost', password: 'whatever1' }).expect(401);
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    await api.http.post('/api/v1/auth/login/username-password').send({ username: 'x' }).expect(400);
  });

  it('refuses missing, forged, alg:none and expired tokens with 401', async () => {
    const valid = jwt.sign(claims());
    const [header, payload] = valid.split('.');
    const cases = {
      none: undefined,
      garbage: 'not-a-jwt',
      forged: `${header}.${payload}.${Buffer.from('forged-signature').toString('base64url')}`,
      algNone: `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      otherSecret: new JwtService({ secret: 'another-secret-that-is-long-enough-1234' }).sign(claims()),
      expired: jwt.sign(claims(), { expiresIn: -10 }),
    };
    for (const [name, token] of Object.entries(cases)) {
      const req = api.http.get('/api/v1/auth/me');
      const res = await (token ? req.set(bearer(token)) : req);
      expect([name, res.status, res.body.code]).toEqual([name, 401, 'UNAUTHENTICATED']);
    }
  });

  it('enforces roles: a FRONT_DESK user may not create centres (403), and nothing is created', async () => {
    const admin = await adminToken(api.http);
    const centre = await createCentre(api.http, admin);
    const frontDesk = await createStaffAndLogin(api.http, admin, { role: 'FRONT_DESK', centreIds: [centre.id] });
    const res = await api.http.post('/api/v1/centres').set(bearer(frontDesk.token)).send(centreInput()).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('refuses a correctly signed token without a live session (401)', async () => {
    const res = await api.http.get('/api/v1/auth/me').set(bearer(jwt.sign(claims()))).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('lets a public route ignore a bad token instead of locking the caller out', async () => {
    await api.http.get('/api/v1/centres').set(bearer('expired-or-garbage')).expect(200);
  });
});
