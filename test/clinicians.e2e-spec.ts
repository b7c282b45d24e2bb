import {
  adminToken,
  clinicianInput,
  createCentre,
  createClinician,
  CreatedClinician,
  createStaffAndLogin,
  eventually,
  loginClinician,
  openTestDataSource,
  setWeeklySchedule,
  SignedInStaff,
  startTestApi,
  startTestWorker,
  TestApi,
  weeklyRules,
} from '@carebook/testing';
import { DomainEvent, OutboxWriter } from '@carebook/core';
import { DataSource, EntityManager } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

const UNKNOWN_ID = '9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11';

describe('Clinicians over HTTP', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let db: DataSource;
  let admin: string;
  let centreA: string;
  let centreB: string;
  let cmA: SignedInStaff;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const eventsOf = async (id: string): Promise<string[]> =>
    (await db.query(`SELECT type FROM outbox WHERE aggregate_id = $1 ORDER BY seq`, [id])).map(
      (row: { type: string }) => row.type,
    );
  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: { code: string } },
    status: number,
    code: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(code);
  };

  beforeAll(async () => {
    api = await startTestApi(AppModule);
    worker = await startTestWorker(WorkerModule);
    db = await openTestDataSource();
    admin = await adminToken(api.http);
    centreA = (await createCentre(api.http, admin, { city: 'Clinicpur' })).id;
    centreB = (await createCentre(api.http, admin)).id;
    cmA = await createStaffAndLogin(api.http, admin, {
      role: 'CENTRE_MANAGER',
      centreIds: [centreA],
    });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await db.destroy();
  });

  describe('created by an admin', () => {
    let meera: CreatedClinician;
    let meeraToken: string;

    beforeAll(async () => {
      meera = await createClinician(api.http, admin, {
        primaryCentreId: centreA,
        centreIds: [centreB],
        languages: ['English', 'Tamil'],
        settings: { bufferAfterMinutes: 10, dailyCap: 12 },
      });
      meeraToken = await loginClinician(api.http, meera);
    });

    it('is a CLINICIAN staff user of both centres with a public profile', async () => {
      expect(meera).toMatchObject({
        primaryCentreId: centreA,
        centreIds: [centreA, centreB].sort(),
        consultationFee: { amount: 80000, currency: 'INR' },
        settings: {
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 10,
          minNoticeMinutes: 120,
          horizonDays: 60,
          dailyCap: 12,
        },
        isActive: true,
      });
      const me = await api.http.get('/api/v1/auth/me').set(as(meeraToken)).expect(200);
      expect(me.body).toMatchObject({
        id: meera.userId,
        role: 'CLINICIAN',
        fullName: meera.fullName,
      });
      expect([...me.body.centreIds].sort()).toEqual([centreA, centreB].sort());
      const publicView = await api.http.get(`/api/v1/clinicians/${meera.id}`).expect(200);
      const { username: _u, password: _p, ...body } = meera;
      expect(publicView.body).toEqual(body);
      const [created] = await db.query(
        `SELECT payload FROM outbox WHERE aggregate_id = $1 AND type = 'clinicians.ClinicianCreated'`,
        [meera.id],
      );
      expect(created.payload).toMatchObject({
        city: 'Clinicpur',
        primaryCentreId: centreA,
        userId: meera.userId,
      });
    });

    it('lets the clinician set their own week; other clinicians get 404, front desk 403', async () => {
      const rules = [
        ...weeklyRules(centreA, { startTime: '09:00', endTime: '13:00', days: [1, 3] }),
        ...weeklyRules(centreB, {
          startTime: '13:00',
          endTime: '24:00',
          days: [1],
          sessionType: 'ONLINE',
        }),
      ];
      const week = await setWeeklySchedule(api.http, meeraToken, meera, rules);
      expect(week.rules).toEqual([rules[0], rules[2], rules[1]]);
      const publicWeek = await api.http
        .get(`/api/v1/clinicians/${meera.id}/availability`)
        .expect(200);
      expect(publicWeek.body).toEqual({ clinicianId: meera.id, rules: week.rules, timeOff: [] });

      const other = await createClinician(api.http, admin, { primaryCentreId: centreA });
      const otherToken = await loginClinician(api.http, other);
      const url = `/api/v1/clinicians/${meera.id}`;
      expectProblem(
        await api.http.put(`${url}/availability`).set(as(otherToken)).send({ rules: [] }),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await api.http
          .post(`${url}/time-off`)
          .set(as(otherToken))
          .send({ startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-02T00:00:00Z', reason: 'x' }),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await api.http.put(url).set(as(otherToken)).send({ yearsOfExperience: 1 }),
        403,
        'FORBIDDEN',
      );
      const desk = await createStaffAndLogin(api.http, admin, { centreIds: [centreA] });
      expectProblem(
        await api.http.put(`${url}/availability`).set(as(desk.token)).send({ rules: [] }),
        403,
        'FORBIDDEN',
      );
      expect((await api.http.get(`${url}/availability`).expect(200)).body.rules).toHaveLength(3);
      expect(await eventsOf(meera.id)).toEqual([
        'clinicians.ClinicianCreated',
        'clinicians.AvailabilityChanged',
      ]);
    });

    it('refuses overlapping rules, bad times and foreign centres with 400 naming the rule', async () => {
      const url = `/api/v1/clinicians/${meera.id}/availability`;
      const overlap = await api.http
        .put(url)
        .set(as(meeraToken))
        .send({
          rules: [
            ...weeklyRules(centreA, { days: [2], startTime: '09:00', endTime: '12:00' }),
            ...weeklyRules(centreB, { days: [2], startTime: '11:30', endTime: '14:00' }),
          ],
        });
      expectProblem(overlap, 400, 'VALIDATION_FAILED');
      expect(overlap.body.errors).toEqual([
        { field: 'rules[1]', message: expect.stringContaining('overlaps rules[0]') },
      ]);
      const badTime = await api.http
        .put(url)
        .set(as(meeraToken))
        .send({ rules: weeklyRules(centreA, { days: [2], startTime: '9:00' }) });
      expectProblem(badTime, 400, 'VALIDATION_FAILED');
      expect(badTime.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'rules.0.startTime',
      ]);
      const elsewhere = await api.http
        .put(url)
        .set(as(meeraToken))
        .send({ rules: weeklyRules(UNKNOWN_ID, { days: [2] }) });
      expectProblem(elsewhere, 400, 'VALIDATION_FAILED');
      expect(elsewhere.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'rules[0].centreId',
      ]);
      const reversed = await api.http
        .put(url)
        .set(as(meeraToken))
        .send({ rules: weeklyRules(centreA, { startTime: '18:00', endTime: '09:00' }) });
      expectProblem(reversed, 400, 'VALIDATION_FAILED');
      expect((await api.http.get(url).expect(200)).body.rules).toHaveLength(3);
    });

    it('adds and removes time off; reasons only for the clinician and their managers', async () => {
      const url = `/api/v1/clinicians/${meera.id}/time-off`;
      const added = await api.http
        .post(url)
        .set(as(meeraToken))
        .send({
          startsAt: '2031-03-02T09:00:00+05:30',
          endsAt: '2031-03-02T18:00:00+05:30',
          reason: 'Conference',
        })
        .expect(201);
      expect(added.body).toEqual({
        id: expect.any(String),
        startsAt: '2031-03-02T03:30:00.000Z',
        endsAt: '2031-03-02T12:30:00.000Z',
        reason: 'Conference',
      });
      const publicWeek = await api.http
        .get(`/api/v1/clinicians/${meera.id}/availability`)
        .expect(200);
      expect(publicWeek.body.timeOff).toEqual([
        { id: added.body.id, startsAt: added.body.startsAt, endsAt: added.body.endsAt },
      ]);
      const managerWeek = await api.http
        .get(`/api/v1/clinicians/${meera.id}/availability`)
        .set(as(cmA.token))
        .expect(200);
      expect(managerWeek.body.timeOff[0].reason).toBe('Conference');

      const backwards = await api.http
        .post(url)
        .set(as(meeraToken))
        .send({ startsAt: '2031-03-02T10:00:00Z', endsAt: '2031-03-02T09:00:00Z', reason: 'x' });
      expectProblem(backwards, 400, 'VALIDATION_FAILED');
      expect(backwards.body.errors.map((e: { field: string }) => e.field)).toEqual(['endsAt']);
      const noOffset = await api.http
        .post(url)
        .set(as(meeraToken))
        .send({ startsAt: '2031-03-02T10:00:00', endsAt: '2031-03-02T11:00:00Z', reason: 'x' });
      expectProblem(noOffset, 400, 'VALIDATION_FAILED');

      await api.http.delete(`${url}/${added.body.id}`).set(as(cmA.token)).expect(204);
      expectProblem(
        await api.http.delete(`${url}/${added.body.id}`).set(as(meeraToken)),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await api.http.delete(`${url}/not-a-uuid`).set(as(meeraToken)),
        404,
        'NOT_FOUND',
      );
      expect(
        (await api.http.get(`/api/v1/clinicians/${meera.id}/availability`).expect(200)).body
          .timeOff,
      ).toEqual([]);
      expect((await eventsOf(meera.id)).slice(-2)).toEqual([
        'clinicians.TimeOffAdded',
        'clinicians.TimeOffRemoved',
      ]);
    });

    it('changes the profile and the staff user, and keeps centres the week still uses', async () => {
      const url = `/api/v1/clinicians/${meera.id}`;
      const res = await api.http
        .put(url)
        .set(as(admin))
        .send({
          fullName: 'Dr. Meera Iyer',
          consultationFee: { amount: 90000, currency: 'INR' },
          bio: 'Heart doctor',
          settings: { dailyCap: null },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        fullName: 'Dr. Meera Iyer',
        consultationFee: { amount: 90000 },
        bio: 'Heart doctor',
        settings: { dailyCap: null },
      });
      const user = await api.http.get(`/api/v1/users/${meera.userId}`).set(as(admin)).expect(200);
      expect(user.body.fullName).toBe('Dr. Meera Iyer');
      const stranded = await api.http.put(url).set(as(admin)).send({ centreIds: [] });
      expectProblem(stranded, 400, 'VALIDATION_FAILED');
      expect(stranded.body.errors[0].field).toBe('centreIds');
      expectProblem(
        await api.http.put(url).set(as(cmA.token)).send({ primaryCentreId: centreB }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await api.http.put(url).set(as(admin)).send({ languages: [] }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  it('lets a CENTRE_MANAGER create for their centre (403 for another) and manage only their clinicians (404)', async () => {
    const own = await createClinician(api.http, cmA.token, { primaryCentreId: centreA });
    expect(own.centreIds).toEqual([centreA]);
    const forB = await api.http
      .post('/api/v1/clinicians')
      .set(as(cmA.token))
      .send(clinicianInput({ primaryCentreId: centreB }));
    expectProblem(forB, 403, 'FORBIDDEN');
    const alsoB = await api.http
      .post('/api/v1/clinicians')
      .set(as(cmA.token))
      .send(clinicianInput({ primaryCentreId: centreA, centreIds: [centreB] }));
    expectProblem(alsoB, 403, 'FORBIDDEN');

    const inB = await createClinician(api.http, admin, { primaryCentreId: centreB });
    const url = `/api/v1/clinicians/${inB.id}`;
    const attempts = [
      api.http.put(url).send({ yearsOfExperience: 1 }),
      api.http.patch(`${url}/toggle-active`),
      api.http.delete(url),
      api.http.put(`${url}/availability`).send({ rules: [] }),
      api.http
        .post(`${url}/time-off`)
        .send({ startsAt: '2031-01-01T00:00:00Z', endsAt: '2031-01-02T00:00:00Z', reason: 'x' }),
    ];
    for (const req of attempts) expectProblem(await req.set(as(cmA.token)), 404, 'NOT_FOUND');
    expect(await eventsOf(inB.id)).toEqual(['clinicians.ClinicianCreated']);
    await setWeeklySchedule(api.http, cmA.token, own, weeklyRules(centreA, { days: [6] }));
  });

  it('toggles (inactive ones leave public view) and deletes the clinician with their staff user', async () => {
    const clinician = await createClinician(api.http, admin, { primaryCentreId: centreA });
    const url = `/api/v1/clinicians/${clinician.id}`;
    expect(
      (await api.http.patch(`${url}/toggle-active`).set(as(cmA.token)).expect(200)).body.isActive,
    ).toBe(false);
    expectProblem(await api.http.get(url), 404, 'NOT_FOUND');
    expectProblem(await api.http.get(`${url}/availability`), 404, 'NOT_FOUND');
    expect((await api.http.get(url).set(as(cmA.token)).expect(200)).body.isActive).toBe(false);
    const token = await loginClinician(api.http, clinician);
    expect((await api.http.get(url).set(as(token)).expect(200)).body.isActive).toBe(false);
    expect(
      (await api.http.patch(`${url}/toggle-active`).set(as(admin)).expect(200)).body.isActive,
    ).toBe(true);

    await api.http.delete(url).set(as(cmA.token)).expect(204);
    expectProblem(await api.http.get(url).set(as(admin)), 404, 'NOT_FOUND');
    expectProblem(await api.http.delete(url).set(as(admin)), 404, 'NOT_FOUND');
    expectProblem(
      await api.http.get(`/api/v1/users/${clinician.userId}`).set(as(admin)),
      404,
      'NOT_FOUND',
    );
    const login = await api.http
      .post('/api/v1/auth/login/username-password')
      .send({ username: clinician.username, password: clinician.password });
    expectProblem(login, 401, 'INVALID_CREDENTIALS');
    expect(await eventsOf(clinician.id)).toEqual([
      'clinicians.ClinicianCreated',
      'clinicians.ClinicianActivationChanged',
      'clinicians.ClinicianActivationChanged',
      'clinicians.ClinicianDeleted',
    ]);
  });

  it('removes the profile when its staff user is deleted through /users (worker)', async () => {
    const clinician = await createClinician(api.http, admin, { primaryCentreId: centreA });
    await api.http.delete(`/api/v1/users/${clinician.userId}`).set(as(admin)).expect(204);
    await eventually(async () =>
      expectProblem(
        await api.http.get(`/api/v1/clinicians/${clinician.id}`).set(as(admin)),
        404,
        'NOT_FOUND',
      ),
    );
    await eventually(async () =>
      expect(await eventsOf(clinician.id)).toContain('clinicians.ClinicianDeleted'),
    );
  });

  it('deactivates the profile when its staff user is deactivated through /users (worker); reactivating the user leaves it off', async () => {
    const clinician = await createClinician(api.http, admin, { primaryCentreId: centreA });
    await api.http
      .patch(`/api/v1/users/${clinician.userId}/toggle-active`)
      .set(as(admin))
      .expect(200);
    await eventually(async () => {
      const res = await api.http
        .get(`/api/v1/clinicians/${clinician.id}`)
        .set(as(admin))
        .expect(200);
      expect(res.body.isActive).toBe(false);
    });
    // Out of public view (and the slot engine refuses inactive clinicians).
    await expectProblem(await api.http.get(`/api/v1/clinicians/${clinician.id}`), 404, 'NOT_FOUND');
    await api.http
      .patch(`/api/v1/users/${clinician.userId}/toggle-active`)
      .set(as(admin))
      .expect(200);
    await eventually(async () =>
      expect(await eventsOf(clinician.id)).toEqual([
        'clinicians.ClinicianCreated',
        'clinicians.ClinicianActivationChanged',
      ]),
    );
    const res = await api.http.get(`/api/v1/clinicians/${clinician.id}`).set(as(admin)).expect(200);
    expect(res.body.isActive).toBe(false);
  });

  it('answers bad input with 400 problem+json listing the fields, and creates nobody', async () => {
    const input = clinicianInput({ primaryCentreId: centreA });
    const unknownField = await api.http
      .post('/api/v1/clinicians')
      .set(as(admin))
      .send({ ...input, rating: 5 });
    expectProblem(unknownField, 400, 'VALIDATION_FAILED');
    expect(unknownField.body.errors).toEqual([
      { field: 'rating', message: 'rating is not an allowed field' },
    ]);
    const bad = await api.http
      .post('/api/v1/clinicians')
      .set(as(admin))
      .send({
        ...input,
        specializations: [],
        consultationFee: { amount: 10.5, currency: 'rupees' },
        consultationDurationMinutes: 2,
        phone: '12',
        settings: { horizonDays: 0 },
      });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining([
        'phone',
        'specializations',
        'consultationFee.amount',
        'consultationFee.currency',
        'consultationDurationMinutes',
        'settings.horizonDays',
      ]),
    );
    const unknownCentre = await api.http
      .post('/api/v1/clinicians')
      .set(as(admin))
      .send({ ...input, centreIds: [UNKNOWN_ID] });
    expectProblem(unknownCentre, 400, 'VALIDATION_FAILED');
    expect(unknownCentre.body.errors).toEqual([
      { field: 'centreIds[0]', message: expect.any(String) },
    ]);
    expectProblem(
      await api.http
        .post('/api/v1/clinicians')
        .set(as(admin))
        .set('Content-Type', 'application/json')
        .send('{"fullName":'),
      400,
      'MALFORMED_REQUEST',
    );
    expectProblem(await api.http.post('/api/v1/clinicians').send(input), 401, 'UNAUTHENTICATED');

    await api.http.post('/api/v1/clinicians').set(as(admin)).send(input).expect(201);
    const taken = await api.http
      .post('/api/v1/clinicians')
      .set(as(admin))
      .send({ ...input, username: `${input.username}.2` });
    expectProblem(taken, 409, 'PHONE_TAKEN');
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM clinicians c JOIN staff_users u ON u.id = c.user_id WHERE u.phone = $1`,
      [input.phone],
    );
    expect(n).toBe(1);
  });

  it('creates the staff user and the profile in one transaction: a failed profile save leaves no user', async () => {
    const writer = api.app.get(OutboxWriter);
    const append = writer.append.bind(writer);
    const spy = jest
      .spyOn(writer, 'append')
      .mockImplementation(async (manager: EntityManager, events: readonly DomainEvent[]) => {
        if (events.some((e) => e.eventName === 'clinicians.ClinicianCreated'))
          throw new Error('outbox unavailable');
        return append(manager, events);
      });
    const input = clinicianInput({ primaryCentreId: centreA });
    try {
      expectProblem(
        await api.http.post('/api/v1/clinicians').set(as(admin)).send(input),
        500,
        'INTERNAL_ERROR',
      );
    } finally {
      spy.mockRestore();
    }
    expect(await db.query(`SELECT id FROM staff_users WHERE phone = $1`, [input.phone])).toEqual(
      [],
    );
    await api.http.post('/api/v1/clinicians').set(as(admin)).send(input).expect(201);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const path of [
      UNKNOWN_ID,
      `${UNKNOWN_ID}/availability`,
      'not-a-uuid',
      'not-a-uuid/availability',
    ]) {
      expectProblem(await api.http.get(`/api/v1/clinicians/${path}`), 404, 'NOT_FOUND');
    }
    expectProblem(
      await api.http.put(`/api/v1/clinicians/${UNKNOWN_ID}`).set(as(admin)).send({ bio: 'x' }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.http.patch(`/api/v1/clinicians/${UNKNOWN_ID}/toggle-active`).set(as(admin)),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.http
        .delete(`/api/v1/clinicians/${UNKNOWN_ID}/time-off/${UNKNOWN_ID}`)
        .set(as(admin)),
      404,
      'NOT_FOUND',
    );
  });

  it('documents every route in Swagger', async () => {
    const doc = await api.http.get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/clinicians',
        '/api/v1/clinicians/{id}',
        '/api/v1/clinicians/{id}/toggle-active',
        '/api/v1/clinicians/{id}/availability',
        '/api/v1/clinicians/{id}/time-off',
        '/api/v1/clinicians/{id}/time-off/{timeOffId}',
      ]),
    );
  });
});
