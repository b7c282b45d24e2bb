import {
  adminToken,
  createCentre,
  createPatient,
  createStaffAndLogin,
  openTestDataSource,
  patientInput,
  SignedInStaff,
  signInPatient,
  startTestApi,
  startTestWorker,
  TestApi,
  uniquePhone,
} from '@carebook/testing';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

const UNKNOWN_ID = '9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b12';
/** Letters only, unique to this run: suites share the database. */
const uniqueWord = () =>
  `Qx${Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;

describe('Patient records over HTTP (staff and self-service)', () => {
  let api: TestApi;
  let worker: { close(): Promise<void> };
  let db: DataSource;
  let admin: string;
  let frontDesk: SignedInStaff;
  let caregiver: SignedInStaff;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const auditOf = async (patientId: string) =>
    db.query(
      `SELECT action, actor_type, actor_id, target_type, metadata FROM audit_events WHERE patient_id = $1 ORDER BY id`,
      [patientId],
    );
  const eventsOf = async (
    patientId: string,
  ): Promise<Array<{ type: string; payload: Record<string, unknown> }>> =>
    db.query(`SELECT type, payload FROM outbox WHERE aggregate_id = $1 ORDER BY seq`, [patientId]);

  beforeAll(async () => {
    api = await startTestApi(AppModule);
    // Patients sign in by OTP, which the worker delivers to the dev message log.
    worker = await startTestWorker(WorkerModule);
    db = await openTestDataSource();
    admin = await adminToken(api.http);
    const centreId = (await createCentre(api.http, admin)).id;
    frontDesk = await createStaffAndLogin(api.http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centreId],
    });
    caregiver = await createStaffAndLogin(api.http, admin, {
      role: 'CAREGIVER',
      centreIds: [centreId],
    });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await db.destroy();
  });

  it('lets the front desk register, open, change and annotate a record, audited and evented without PHI', async () => {
    const family = uniqueWord();
    const contact = { name: 'Meera Sharma', phone: '098123 45678', relationship: 'daughter' };
    const created = await createPatient(api.http, frontDesk.token, {
      fullName: `Priya ${family}`,
      email: 'priya@example.com',
      dateOfBirth: '1985-04-12',
      gender: 'FEMALE',
      bloodGroup: 'B+',
      emergencyContacts: [contact],
    });
    expect(created).toMatchObject({
      fullName: `Priya ${family}`,
      dateOfBirth: '1985-04-12',
      gender: 'FEMALE',
      bloodGroup: 'B+',
      emergencyContacts: [{ ...contact, phone: '+919812345678' }],
    });

    const record = await api.http
      .get(`/api/v1/patients/${created.id}`)
      .set(as(frontDesk.token))
      .expect(200);
    expect(record.body).toEqual({ ...created, notes: [] });

    const updated = await api.http
      .put(`/api/v1/patients/${created.id}`)
      .set(as(frontDesk.token))
      .send({ email: null, bloodGroup: 'O+', fullName: `Priya ${family}` })
      .expect(200);
    expect(updated.body).toMatchObject({ email: null, bloodGroup: 'O+', gender: 'FEMALE' });

    const note = await api.http
      .post(`/api/v1/patients/${created.id}/notes`)
      .set(as(frontDesk.token))
      .send({ text: 'Prefers morning appointments.' })
      .expect(201);
    expect(note.body).toMatchObject({
      patientId: created.id,
      authorId: frontDesk.id,
      text: 'Prefers morning appointments.',
    });
    const withNote = await api.http
      .get(`/api/v1/patients/${created.id}`)
      .set(as(frontDesk.token))
      .expect(200);
    expect(withNote.body.notes).toEqual([note.body]);

    expect(await auditOf(created.id)).toEqual([
      {
        action: 'patient.record.created',
        actor_type: 'staff',
        actor_id: frontDesk.id,
        target_type: 'patient',
        metadata: { source: 'STAFF' },
      },
      {
        action: 'patient.record.viewed',
        actor_type: 'staff',
        actor_id: frontDesk.id,
        target_type: 'patient',
        metadata: { view: 'record' },
      },
      {
        action: 'patient.record.updated',
        actor_type: 'staff',
        actor_id: frontDesk.id,
        target_type: 'patient',
        metadata: { changed: ['email', 'bloodGroup'] },
      },
      {
        action: 'patient.note.added',
        actor_type: 'staff',
        actor_id: frontDesk.id,
        target_type: 'patient_note',
        metadata: {},
      },
      {
        action: 'patient.record.viewed',
        actor_type: 'staff',
        actor_id: frontDesk.id,
        target_type: 'patient',
        metadata: { view: 'record' },
      },
    ]);
    const events = await eventsOf(created.id);
    expect(events.map((e) => [e.type, e.payload.source, e.payload.changed])).toEqual([
      ['patients.PatientRegistered', 'STAFF', undefined],
      ['patients.PatientUpdated', 'STAFF', ['email', 'bloodGroup']],
    ]);
    // Ids, time, source and changed field names: nothing about the person.
    expect(events.map((e) => Object.keys(e.payload).sort())).toEqual([
      ['aggregateId', 'eventId', 'occurredAt', 'source'],
      ['aggregateId', 'changed', 'eventId', 'occurredAt', 'source'],
    ]);
  });

  it('searches by name substring and by phone prefix, paged, with one audit event per search', async () => {
    const family = uniqueWord();
    const prefix = `+9197${String(randomInt(1e6)).padStart(6, '0')}`;
    const asha = await createPatient(api.http, frontDesk.token, {
      fullName: `Asha ${family}`,
      phone: `${prefix}01`,
    });
    const ravi = await createPatient(api.http, frontDesk.token, {
      fullName: `Ravi ${family}kar`,
      phone: `${prefix}02`,
    });
    const since = new Date();

    const byName = await api.http
      .get('/api/v1/patients')
      .query({ search: family.slice(2, 8).toUpperCase() })
      .set(as(frontDesk.token))
      .expect(200);
    expect(byName.body).toMatchObject({ page: 1, limit: 20, total: 2 });
    expect(byName.body.items.map((p: { id: string }) => p.id).sort()).toEqual(
      [asha.id, ravi.id].sort(),
    );
    expect(byName.body.items[0]).not.toHaveProperty('emergencyContacts');

    const byPhone = await api.http
      .get('/api/v1/patients')
      .query({ search: `0${prefix.slice(3)}`, limit: 1, page: 2 })
      .set(as(frontDesk.token))
      .expect(200);
    expect(byPhone.body).toMatchObject({
      page: 2,
      limit: 1,
      total: 2,
      items: [{ id: ravi.id, phone: `${prefix}02` }],
    });

    const searches = await db.query(
      `SELECT metadata FROM audit_events WHERE action = 'patient.search' AND actor_id = $1 AND occurred_at >= $2 ORDER BY id`,
      [frontDesk.id, since],
    );
    expect(searches).toEqual([
      { metadata: { kind: 'name', resultCount: 2, total: 2 } },
      { metadata: { kind: 'phone', resultCount: 1, total: 2 } },
    ]);
    await api.http
      .get('/api/v1/patients')
      .query({ limit: 101 })
      .set(as(frontDesk.token))
      .expect(400);
  });

  it('answers bad input with 400 problem+json naming the fields', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ phone: '12345' }, ['phone']],
      [{ dateOfBirth: '2999-01-01' }, ['dateOfBirth']],
      [{ dateOfBirth: '12/04/1985' }, ['dateOfBirth']],
      [{ gender: 'F', bloodGroup: 'C+' }, ['gender', 'bloodGroup']],
      [{ fullName: '   ' }, ['fullName']],
      [
        {
          emergencyContacts: Array.from({ length: 6 }, () => ({
            name: 'K',
            phone: uniquePhone(),
            relationship: 'kin',
          })),
        },
        ['emergencyContacts'],
      ],
      [
        { emergencyContacts: [{ name: 'K', phone: 'call me', relationship: 'kin' }] },
        ['emergencyContacts.0.phone'],
      ],
      [{ emergencyContacts: undefined }, ['emergencyContacts']],
      [{ isVip: true }, ['isVip']],
    ];
    for (const [overrides, fields] of cases) {
      const res = await api.http
        .post('/api/v1/patients')
        .set(as(frontDesk.token))
        .send(patientInput(overrides))
        .expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect([
        overrides,
        [...new Set(res.body.errors.map((e: { field: string }) => e.field))],
      ]).toEqual([overrides, fields]);
    }
    const patient = await createPatient(api.http, frontDesk.token);
    const bad = await api.http
      .put(`/api/v1/patients/${patient.id}`)
      .set(as(frontDesk.token))
      .send({ fullName: null })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('fullName');
    await api.http
      .post(`/api/v1/patients/${patient.id}/notes`)
      .set(as(frontDesk.token))
      .send({ text: ' ' })
      .expect(400);
  });

  it('refuses a second living patient with the same phone (409 PATIENT_PHONE_TAKEN), in any notation', async () => {
    const first = await createPatient(api.http, frontDesk.token);
    const national = `0${first.phone.slice(3)}`;
    const again = await api.http
      .post('/api/v1/patients')
      .set(as(frontDesk.token))
      .send(patientInput({ phone: national }))
      .expect(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body).toMatchObject({ status: 409, code: 'PATIENT_PHONE_TAKEN' });
    const second = await createPatient(api.http, frontDesk.token);
    const moved = await api.http
      .put(`/api/v1/patients/${second.id}`)
      .set(as(frontDesk.token))
      .send({ phone: first.phone })
      .expect(409);
    expect(moved.body.code).toBe('PATIENT_PHONE_TAKEN');
    expect(await auditOf(second.id)).toEqual([
      expect.objectContaining({ action: 'patient.record.created' }),
    ]);
  });

  it('answers 404 for unknown or malformed ids and an empty status history for a new patient', async () => {
    for (const path of [
      `/api/v1/patients/${UNKNOWN_ID}`,
      '/api/v1/patients/not-a-uuid',
      `/api/v1/patients/${UNKNOWN_ID}/status-history`,
    ]) {
      expect((await api.http.get(path).set(as(frontDesk.token)).expect(404)).body.code).toBe(
        'NOT_FOUND',
      );
    }
    await api.http
      .put(`/api/v1/patients/${UNKNOWN_ID}`)
      .set(as(frontDesk.token))
      .send({ gender: 'MALE' })
      .expect(404);
    await api.http
      .post(`/api/v1/patients/${UNKNOWN_ID}/notes`)
      .set(as(frontDesk.token))
      .send({ text: 'x' })
      .expect(404);
    const patient = await createPatient(api.http, frontDesk.token);
    const history = await api.http
      .get(`/api/v1/patients/${patient.id}/status-history`)
      .set(as(frontDesk.token))
      .expect(200);
    expect(history.body).toEqual({ items: [], page: 1, limit: 20, total: 0 });
    expect((await auditOf(patient.id)).map((r: { metadata: unknown }) => r.metadata)).toEqual([
      { source: 'STAFF' },
      { view: 'status_history' },
    ]);
  });

  it('refuses caregivers (403) everywhere on /patients, without revealing whether an id exists', async () => {
    const patient = await createPatient(api.http, frontDesk.token);
    const token = as(caregiver.token);
    const attempts = [
      api.http.get('/api/v1/patients').set(token),
      api.http.post('/api/v1/patients').set(token).send(patientInput()),
      api.http.get(`/api/v1/patients/${patient.id}`).set(token),
      api.http.get(`/api/v1/patients/${UNKNOWN_ID}`).set(token),
      api.http.put(`/api/v1/patients/${patient.id}`).set(token).send({ gender: 'MALE' }),
      api.http.post(`/api/v1/patients/${patient.id}/notes`).set(token).send({ text: 'x' }),
      api.http.get(`/api/v1/patients/${patient.id}/status-history`).set(token),
    ];
    for (const res of await Promise.all(attempts))
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await auditOf(patient.id)).toHaveLength(1);
  });

  it('lets a signed-in patient see and edit only their own profile, never staff routes or the phone', async () => {
    const me = await signInPatient(api.http, uniquePhone(), 'Kiran Rao');
    const other = await createPatient(api.http, frontDesk.token);
    const token = as(me.token);

    const profile = await api.http.get('/api/v1/patient/profile').set(token).expect(200);
    expect(profile.body).toMatchObject({ id: me.id, phone: me.phone, fullName: 'Kiran Rao' });
    expect(profile.body).not.toHaveProperty('notes');
    const dashboard = await api.http.get('/api/v1/patient/dashboard').set(token).expect(200);
    expect(dashboard.body).toEqual({
      profile: profile.body,
      profileComplete: false,
      missingFields: ['dateOfBirth', 'gender', 'emergencyContacts'],
    });

    const changes = {
      fullName: 'Kiran R. Rao',
      email: 'kiran@example.com',
      dateOfBirth: '1990-01-31',
      gender: 'UNDISCLOSED',
      bloodGroup: 'A-',
      emergencyContacts: [
        {
          name: 'Anil Rao',
          phone: uniquePhone(),
          email: 'anil@example.com',
          relationship: 'father',
        },
      ],
    };
    const updated = await api.http
      .put('/api/v1/patient/profile')
      .set(token)
      .send(changes)
      .expect(200);
    expect(updated.body).toMatchObject({ ...changes, id: me.id, phone: me.phone });
    expect(
      (await api.http.get('/api/v1/patient/dashboard').set(token).expect(200)).body,
    ).toMatchObject({
      profileComplete: true,
      missingFields: [],
    });
    const phone = await api.http
      .put('/api/v1/patient/profile')
      .set(token)
      .send({ phone: uniquePhone() })
      .expect(400);
    expect(phone.body.errors).toEqual([
      { field: 'phone', message: 'phone is not an allowed field' },
    ]);

    // No route reaches another patient's record: staff routes refuse patient tokens.
    for (const res of await Promise.all([
      api.http.get('/api/v1/patients').set(token),
      api.http.get(`/api/v1/patients/${other.id}`).set(token),
      api.http.get(`/api/v1/patients/${me.id}`).set(token),
      api.http.put(`/api/v1/patients/${other.id}`).set(token).send({ gender: 'MALE' }),
      api.http.post('/api/v1/patients').set(token).send(patientInput()),
      api.http.post(`/api/v1/patients/${other.id}/notes`).set(token).send({ text: 'x' }),
      api.http.get(`/api/v1/patients/${other.id}/status-history`).set(token),
    ])) {
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect(
      (await api.http.get('/api/v1/patient/profile').set(as(frontDesk.token)).expect(403)).body
        .code,
    ).toBe('FORBIDDEN');
    expect(await auditOf(other.id)).toHaveLength(1);

    const audit = await auditOf(me.id);
    expect(audit.filter((r: { action: string }) => r.action.startsWith('patient.'))).toEqual([
      {
        action: 'patient.record.viewed',
        actor_type: 'patient',
        actor_id: me.id,
        target_type: 'patient',
        metadata: { view: 'profile' },
      },
      {
        action: 'patient.record.viewed',
        actor_type: 'patient',
        actor_id: me.id,
        target_type: 'patient',
        metadata: { view: 'dashboard' },
      },
      {
        action: 'patient.record.updated',
        actor_type: 'patient',
        actor_id: me.id,
        target_type: 'patient',
        metadata: {
          changed: [
            'fullName',
            'email',
            'dateOfBirth',
            'gender',
            'bloodGroup',
            'emergencyContacts',
          ],
        },
      },
      {
        action: 'patient.record.viewed',
        actor_type: 'patient',
        actor_id: me.id,
        target_type: 'patient',
        metadata: { view: 'dashboard' },
      },
    ]);
    expect((await eventsOf(me.id)).map((e) => [e.type, e.payload.source])).toEqual([
      ['patients.PatientRegistered', 'SELF'],
      ['patients.PatientUpdated', 'SELF'],
    ]);
  });

  it('signs a walk-in registered by the front desk into the same record', async () => {
    const walkIn = await createPatient(api.http, frontDesk.token, {
      fullName: 'Walk In',
      gender: 'MALE',
    });
    const signedIn = await signInPatient(api.http, walkIn.phone, 'Another Name');
    expect(signedIn.id).toBe(walkIn.id);
    const profile = await api.http
      .get('/api/v1/patient/profile')
      .set(as(signedIn.token))
      .expect(200);
    expect(profile.body).toMatchObject({ id: walkIn.id, fullName: 'Walk In', gender: 'MALE' });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await api.http.get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/patients',
        '/api/v1/patients/{id}',
        '/api/v1/patients/{id}/notes',
        '/api/v1/patients/{id}/status-history',
        '/api/v1/patient/profile',
        '/api/v1/patient/dashboard',
      ]),
    );
    expect(doc.paths['/api/v1/patients'].get.description).toContain(
      '**Who may call:** ADMIN, MANAGER, CENTRE_MANAGER',
    );
    expect(doc.paths['/api/v1/patient/profile'].get.description).toContain('PATIENT');
    expect(doc.paths['/api/v1/patients'].post.responses).toHaveProperty('409');
    for (const [path, item] of Object.entries<
      Record<string, { security?: unknown[]; responses: Record<string, { content?: object }> }>
    >(doc.paths)) {
      if (!/^\/api\/v1\/patients?(\/|$)/.test(path)) continue;
      for (const op of Object.values(item)) {
        expect([path, op.security]).toEqual([path, [{ bearer: [] }]]);
        const problems = Object.entries(op.responses).filter(([code]) => Number(code) >= 400);
        expect(problems.map(([code]) => code)).toEqual(expect.arrayContaining(['401', '403']));
        for (const [, r] of problems)
          expect(r.content).toHaveProperty(['application/problem+json']);
      }
    }
    expect(doc.components.schemas.Gender.enum).toEqual(['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED']);
  });
});
