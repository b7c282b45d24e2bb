import {
  adminToken,
  createCentre,
  createStaffAndLogin,
  createStaffUser,
  openTestDataSource,
  SignedInStaff,
  STAFF_PASSWORD,
  staffInput,
  startTestApi,
  TestApi,
  uniquePhone,
  uniqueUsername,
} from '@carebook/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';

const UNKNOWN_ID = '9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11';

describe('Staff management over HTTP', () => {
  let api: TestApi;
  let db: DataSource;
  let admin: string;
  let adminId: string;
  let centreA: string;
  let centreB: string;
  let manager: SignedInStaff;
  let cmA: SignedInStaff;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const auditOf = async (id: string): Promise<Array<{ action: string; actor_id: string }>> =>
    db.query(
      `SELECT action, actor_id FROM audit_events WHERE target_type = 'staff_user' AND target_id = $1 AND action LIKE 'staff.%' ORDER BY id`,
      [id],
    );
  const eventsOf = async (id: string): Promise<string[]> =>
    (await db.query(`SELECT type FROM outbox WHERE aggregate_id = $1 ORDER BY seq`, [id])).map(
      (row: { type: string }) => row.type,
    );

  beforeAll(async () => {
    api = await startTestApi(AppModule);
    db = await openTestDataSource();
    admin = await adminToken(api.http);
    adminId = (await api.http.get('/api/v1/auth/me').set(as(admin)).expect(200)).body.id;
    centreA = (await createCentre(api.http, admin)).id;
    centreB = (await createCentre(api.http, admin)).id;
    manager = await createStaffAndLogin(api.http, admin, { role: 'MANAGER', centreIds: [] });
    cmA = await createStaffAndLogin(api.http, admin, {
      role: 'CENTRE_MANAGER',
      centreIds: [centreA],
    });
  });
  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  it('lets the admin create a MANAGER and a CENTRE_MANAGER who then sign in', async () => {
    const me = await api.http.get('/api/v1/auth/me').set(as(cmA.token)).expect(200);
    expect(me.body).toMatchObject({ id: cmA.id, role: 'CENTRE_MANAGER', centreIds: [centreA] });
    expect(manager.user).toMatchObject({ role: 'MANAGER', centreIds: [], isActive: true });
    expect(manager.user).not.toHaveProperty('passwordHash');
    expect(await eventsOf(cmA.id)).toEqual(['identity.StaffUserCreated']);
  });

  it('lets a CENTRE_MANAGER create site staff for their centre only (403 elsewhere)', async () => {
    const national = uniquePhone().replace('+91', '0');
    const desk = await createStaffUser(api.http, cmA.token, {
      centreIds: [centreA],
      phone: national,
    });
    expect(desk).toMatchObject({
      role: 'FRONT_DESK',
      centreIds: [centreA],
      phone: `+91${national.slice(1)}`,
    });

    const refused = [
      api.http.post('/api/v1/users').send(staffInput({ centreIds: [centreB] })),
      api.http.post('/api/v1/users').send(staffInput({ centreIds: [centreA, centreB] })),
      api.http.post('/api/v1/users').send(staffInput({ role: 'MANAGER', centreIds: [] })),
      api.http
        .post('/api/v1/users')
        .send(staffInput({ role: 'CENTRE_MANAGER', centreIds: [centreA] })),
      api.http
        .post('/api/v1/users/managers')
        .send(staffInput({ role: undefined, centreIds: undefined })),
      api.http
        .post('/api/v1/users/caregivers')
        .send(staffInput({ role: undefined, centreIds: [centreB] })),
    ];
    for (const req of refused) {
      const res = await req.set(as(cmA.token)).expect(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });

  it('answers a CENTRE_MANAGER 404 for users of another centre, and changes nothing', async () => {
    const other = await createStaffUser(api.http, admin, { centreIds: [centreB] });
    const url = `/api/v1/users/${other.id}`;
    const attempts = [
      api.http.get(url),
      api.http.put(url).send({ fullName: 'Hijacked' }),
      api.http.delete(url),
      api.http.patch(`${url}/toggle-active`),
      api.http.get(`/api/v1/users/${manager.id}`),
      api.http.get(`/api/v1/users/${adminId}`),
    ];
    for (const req of attempts) {
      expect((await req.set(as(cmA.token)).expect(404)).body.code).toBe('NOT_FOUND');
    }
    const now = await api.http.get(url).set(as(admin)).expect(200);
    expect(now.body).toMatchObject({ fullName: other.fullName, isActive: true });
  });

  it("lists only the CENTRE_MANAGER's centres' users, with filters and paging", async () => {
    const inA = await createStaffUser(api.http, admin, { role: 'CLINICIAN', centreIds: [centreA] });
    const inB = await createStaffUser(api.http, admin, { centreIds: [centreB] });
    const res = await api.http
      .get('/api/v1/users')
      .query({ limit: 100 })
      .set(as(cmA.token))
      .expect(200);
    const ids = res.body.items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([inA.id, cmA.id]));
    expect(ids).not.toContain(inB.id);
    expect(ids).not.toContain(manager.id);
    expect(
      res.body.items.every((u: { centreIds: string[] }) => u.centreIds.includes(centreA)),
    ).toBe(true);
    expect(res.body).toMatchObject({ page: 1, limit: 100, total: ids.length });

    const forB = await api.http
      .get('/api/v1/users')
      .query({ centreId: centreB })
      .set(as(cmA.token))
      .expect(200);
    expect(forB.body).toMatchObject({ items: [], total: 0 });
    const clinicians = await api.http
      .get('/api/v1/users')
      .query({ role: 'CLINICIAN', centreId: centreA, isActive: 'true' })
      .set(as(admin))
      .expect(200);
    expect(clinicians.body.items.map((u: { id: string }) => u.id)).toEqual([inA.id]);
    const found = await api.http
      .get('/api/v1/users')
      .query({ search: inB.username })
      .set(as(manager.token))
      .expect(200);
    expect(found.body.items.map((u: { id: string }) => u.id)).toEqual([inB.id]);
  });

  it('keeps ADMIN and MANAGER users to the ADMIN (403 for a MANAGER)', async () => {
    const attempts = [
      api.http.post('/api/v1/users').send(staffInput({ role: 'ADMIN', centreIds: [] })),
      api.http.post('/api/v1/users').send(staffInput({ role: 'MANAGER', centreIds: [] })),
      api.http
        .post('/api/v1/users/managers')
        .send(staffInput({ role: undefined, centreIds: undefined })),
      api.http.put(`/api/v1/users/${adminId}`).send({ fullName: 'Not the admin' }),
      api.http.patch(`/api/v1/users/${adminId}/toggle-active`),
    ];
    for (const req of attempts) {
      expect((await req.set(as(manager.token)).expect(403)).body.code).toBe('FORBIDDEN');
    }
    const frontDesk = await createStaffUser(api.http, manager.token, { centreIds: [centreB] });
    const promote = api.http.put(`/api/v1/users/${frontDesk.id}`).set(as(manager.token));
    await promote.send({ role: 'MANAGER', centreIds: [] }).expect(403);
    // A MANAGER sees the admin, though: they are network-wide.
    await api.http.get(`/api/v1/users/${adminId}`).set(as(manager.token)).expect(200);
  });

  it.each([
    ['managers', 'MANAGER', 'admin', () => undefined],
    ['centre-managers', 'CENTRE_MANAGER', 'manager', () => [centreA]],
    ['care-coordinators', 'CARE_COORDINATOR', 'cm', () => [centreA]],
    ['front-desk', 'FRONT_DESK', 'cm', () => [centreA]],
    ['caregivers', 'CAREGIVER', 'manager', () => [centreB]],
  ])('POST /users/%s creates a %s (as %s)', async (path, role, who, centres) => {
    const token = { admin, manager: manager.token, cm: cmA.token }[who] as string;
    const body = staffInput({ role: undefined, centreIds: centres() });
    const res = await api.http.post(`/api/v1/users/${path}`).set(as(token)).send(body).expect(201);
    expect(res.body).toMatchObject({ role, centreIds: centres() ?? [] });
    await api.http
      .post(`/api/v1/users/${path}`)
      .set(as(token))
      .send({ ...staffInput({ centreIds: centres() }), role })
      .expect(400);
  });

  it('changes only the fields sent, records role changes, and hashes a new password', async () => {
    const user = await createStaffAndLogin(api.http, cmA.token, { centreIds: [centreA] });
    const url = `/api/v1/users/${user.id}`;
    const renamed = await api.http
      .put(url)
      .set(as(cmA.token))
      .send({ fullName: 'Renamed Person', email: 'r@carebook.example' })
      .expect(200);
    expect(renamed.body).toMatchObject({
      fullName: 'Renamed Person',
      email: 'r@carebook.example',
      phone: user.user.phone,
      username: user.username,
      role: 'FRONT_DESK',
    });
    await api.http
      .put(url)
      .set(as(cmA.token))
      .send({ role: 'CAREGIVER', password: 'a-new-password-42' })
      .expect(200);
    await api.http
      .put(url)
      .set(as(cmA.token))
      .send({ centreIds: [centreA, centreB] })
      .expect(403);
    await api.http.put(url).set(as(cmA.token)).send({ role: 'CENTRE_MANAGER' }).expect(403);
    await api.http.put(url).set(as(cmA.token)).send({ fullName: null }).expect(400);

    const login = (password: string) =>
      api.http
        .post('/api/v1/auth/login/username-password')
        .send({ username: user.username, password });
    await login(STAFF_PASSWORD).expect(401);
    expect((await login('a-new-password-42').expect(200)).body.user).toMatchObject({
      role: 'CAREGIVER',
    });
    expect(await eventsOf(user.id)).toEqual([
      'identity.StaffUserCreated',
      'identity.StaffUserUpdated',
      'identity.StaffUserRoleChanged',
      'identity.StaffUserPasswordChanged',
    ]);
    expect((await auditOf(user.id)).map((a) => a.action)).toEqual([
      'staff.created',
      'staff.role_changed',
      'staff.password_changed',
    ]);
  });

  it('toggles active twice; a deactivated user cannot sign in; nobody toggles themselves', async () => {
    const user = await createStaffAndLogin(api.http, admin, { centreIds: [centreA] });
    const toggle = () =>
      api.http.patch(`/api/v1/users/${user.id}/toggle-active`).set(as(cmA.token)).expect(200);
    expect((await toggle()).body.isActive).toBe(false);
    const refused = await api.http
      .post('/api/v1/auth/login/username-password')
      .send({ username: user.username, password: user.password })
      .expect(401);
    expect(refused.body.code).toBe('INVALID_CREDENTIALS');
    expect((await toggle()).body.isActive).toBe(true);
    await api.http
      .post('/api/v1/auth/login/username-password')
      .send({ username: user.username, password: user.password })
      .expect(200);
    expect(await eventsOf(user.id)).toEqual([
      'identity.StaffUserCreated',
      'identity.StaffUserDeactivated',
      'identity.StaffUserActivated',
    ]);
    expect(await auditOf(user.id)).toEqual([
      { action: 'staff.created', actor_id: adminId },
      { action: 'staff.deactivated', actor_id: cmA.id },
      { action: 'staff.activated', actor_id: cmA.id },
    ]);
    await api.http.patch(`/api/v1/users/${cmA.id}/toggle-active`).set(as(cmA.token)).expect(403);
    await api.http
      .patch(`/api/v1/users/${manager.id}/toggle-active`)
      .set(as(manager.token))
      .expect(403);
  });

  it('soft-deletes: 204, then 404; the phone is free again; nobody deletes themselves', async () => {
    const user = await createStaffAndLogin(api.http, cmA.token, { centreIds: [centreA] });
    await api.http.delete(`/api/v1/users/${user.id}`).set(as(cmA.token)).expect(204);
    await api.http.get(`/api/v1/users/${user.id}`).set(as(admin)).expect(404);
    await api.http.delete(`/api/v1/users/${user.id}`).set(as(admin)).expect(404);
    await api.http
      .post('/api/v1/auth/login/username-password')
      .send({ username: user.username, password: user.password })
      .expect(401);
    expect(await eventsOf(user.id)).toEqual([
      'identity.StaffUserCreated',
      'identity.StaffUserDeleted',
    ]);
    expect((await auditOf(user.id)).map((a) => a.action)).toEqual([
      'staff.created',
      'staff.deleted',
    ]);
    await createStaffUser(api.http, admin, { phone: user.user.phone, centreIds: [centreA] });
    await api.http.delete(`/api/v1/users/${adminId}`).set(as(admin)).expect(403);
  });

  it('answers 409 for a taken phone or username, and 400 for an unknown centre', async () => {
    const first = await createStaffUser(api.http, admin, { centreIds: [centreA] });
    const post = (body: Record<string, unknown>) =>
      api.http.post('/api/v1/users').set(as(admin)).send(staffInput(body));
    expect((await post({ phone: first.phone, centreIds: [centreA] }).expect(409)).body.code).toBe(
      'PHONE_TAKEN',
    );
    const sameName = { username: first.username?.toUpperCase(), centreIds: [centreA] };
    expect((await post(sameName).expect(409)).body.code).toBe('USERNAME_TAKEN');
    const lost = await post({ centreIds: [UNKNOWN_ID] }).expect(400);
    expect(lost.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'centreIds', message: expect.any(String) }],
    });
    const second = await createStaffUser(api.http, admin, { centreIds: [centreA] });
    const taken = await api.http
      .put(`/api/v1/users/${second.id}`)
      .set(as(admin))
      .send({ phone: first.phone })
      .expect(409);
    expect(taken.body.code).toBe('PHONE_TAKEN');
  });

  it.each([
    ['an invalid phone', { phone: '98000' }, 'phone'],
    ['a phone with letters', { phone: 'call me' }, 'phone'],
    ['an unknown role', { role: 'BOSS' }, 'role'],
    ['an unknown field', { salary: 1 }, 'salary'],
    ['a centre id that is not a UUID', { centreIds: ['centre-a'] }, 'centreIds'],
    ['a short password', { password: 'short' }, 'password'],
    ['a missing name', { fullName: undefined }, 'fullName'],
    ['a bad username', { username: '-x' }, 'username'],
    ['a MANAGER with centres', { role: 'MANAGER', centreIds: [UNKNOWN_ID] }, 'centreIds'],
    ['a FRONT_DESK without centres', { centreIds: [] }, 'centreIds'],
  ])('rejects %s with 400 problem+json naming the field', async (_, overrides, field) => {
    const res = await api.http
      .post('/api/v1/users')
      .set(as(admin))
      .send(staffInput(overrides))
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('validates list queries, answers 404 for malformed ids, and keeps other roles out', async () => {
    for (const query of [
      { role: 'BOSS' },
      { isActive: 'maybe' },
      { limit: 101 },
      { centreId: 'x' },
    ]) {
      await api.http.get('/api/v1/users').query(query).set(as(admin)).expect(400);
    }
    await api.http.get('/api/v1/users/not-a-uuid').set(as(admin)).expect(404);
    await api.http.get(`/api/v1/users/${UNKNOWN_ID}`).set(as(admin)).expect(404);
    await api.http.get('/api/v1/users').expect(401);
    const desk = await createStaffAndLogin(api.http, admin, {
      centreIds: [centreA],
      username: uniqueUsername('desk'),
    });
    expect((await api.http.get('/api/v1/users').set(as(desk.token)).expect(403)).body.code).toBe(
      'FORBIDDEN',
    );
  });
});
