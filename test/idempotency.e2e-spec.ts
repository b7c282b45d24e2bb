import {
  adminToken,
  centreInput,
  createStaffAndLogin,
  openTestDataSource,
  patientInput,
  startTestApi,
  TestApi,
} from '@carebook/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';

/** API.md: "Writes that create things accept an Idempotency-Key header". */
describe('Idempotency-Key on create routes (beyond bookings)', () => {
  let api: TestApi;
  let db: DataSource;
  let admin: string;
  const as = (token: string, key?: string) => ({
    Authorization: `Bearer ${token}`,
    ...(key === undefined ? {} : { 'Idempotency-Key': key }),
  });
  const centresNamed = async (name: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM centres WHERE name = $1`, [name]))[0].n);

  beforeAll(async () => {
    api = await startTestApi(AppModule);
    db = await openTestDataSource();
    admin = await adminToken(api.http);
  });
  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  it('answers a repeat with the first response and creates nothing; another body with the key is 422', async () => {
    const key = randomUUID();
    const body = centreInput();
    const first = await api.http.post('/api/v1/centres').set(as(admin, key)).send(body).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await api.http.post('/api/v1/centres').set(as(admin, key)).send(body).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await centresNamed(body.name as string)).toBe(1);

    const other = await api.http
      .post('/api/v1/centres')
      .set(as(admin, key))
      .send({ ...body, name: `${body.name as string} (other)` })
      .expect(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await centresNamed(`${body.name as string} (other)`)).toBe(0);
  });

  it('creates once when ten repeats race', async () => {
    const key = randomUUID();
    const body = centreInput();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.http.post('/api/v1/centres').set(as(admin, key)).send(body),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 10 }, () => 201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(await centresNamed(body.name as string)).toBe(1);
  });

  it('keeps nothing of a failed request, so the key can be retried', async () => {
    const key = randomUUID();
    const body = centreInput();
    await api.http
      .post('/api/v1/centres')
      .set(as(admin, key))
      .send({ ...body, timeZone: 'Mars/Olympus' })
      .expect(400);
    const ok = await api.http.post('/api/v1/centres').set(as(admin, key)).send(body).expect(201);
    expect(ok.headers['idempotent-replayed']).toBeUndefined();
    expect(await centresNamed(body.name as string)).toBe(1);
  });

  it("keeps each caller's keys apart, and refuses a malformed key with 400", async () => {
    const manager = await createStaffAndLogin(api.http, admin, { role: 'MANAGER' });
    const key = randomUUID();
    const mine = await api.http
      .post('/api/v1/centres')
      .set(as(admin, key))
      .send(centreInput())
      .expect(201);
    const theirs = await api.http
      .post('/api/v1/centres')
      .set(as(manager.token, key))
      .send(centreInput())
      .expect(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();

    const bad = await api.http
      .post('/api/v1/centres')
      .set(as(admin, 'with space'))
      .send(centreInput())
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('covers the other create routes too: a patient registered twice with one key is one patient', async () => {
    const key = randomUUID();
    const body = patientInput();
    const first = await api.http
      .post('/api/v1/patients')
      .set(as(admin, key))
      .send(body)
      .expect(201);
    const again = await api.http
      .post('/api/v1/patients')
      .set(as(admin, key))
      .send(body)
      .expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    // Without a key the same body is a second request (here refused: the phone is taken).
    await api.http.post('/api/v1/patients').set(as(admin)).send(body).expect(409);
  });

  it('documents the header on every create route in Swagger', async () => {
    const doc = (await api.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    };
    const creates = [
      '/api/v1/centres',
      '/api/v1/users',
      '/api/v1/patients',
      '/api/v1/patients/{id}/notes',
      '/api/v1/clinicians',
      '/api/v1/clinicians/{id}/time-off',
      '/api/v1/booking/create',
      '/api/v1/booking/front-desk',
    ];
    for (const path of creates) {
      const names = (doc.paths[path]?.post?.parameters ?? [])
        .filter((p) => p.in === 'header')
        .map((p) => p.name);
      expect({ path, names }).toEqual({ path, names: expect.arrayContaining(['Idempotency-Key']) });
    }
  });
});
