import { adminToken, centreInput, createCentre, openTestDataSource, startTestApi, TestApi } from '@carebook/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { DEMO_CENTRES } from '../apps/api/src/demo/demo-centres';
import { seedDemoData } from '../apps/api/src/demo/seed-demo-data';

describe('Centres over HTTP', () => {
  let api: TestApi;
  let db: DataSource;
  let token: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startTestApi(AppModule);
    db = await openTestDataSource();
    token = await adminToken(api.http);
  });
  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  it('requires a token to create a centre, and creates one for an admin (event in the outbox)', async () => {
    const anonymous = await api.http.post('/api/v1/centres').send(centreInput()).expect(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anonymous.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });

    const res = await api.http.post('/api/v1/centres').set(auth()).send(centreInput({ timeZone: 'Europe/London' })).expect(201);
    expect(res.body).toMatchObject({ timeZone: 'Europe/London', isActive: true, id: expect.any(String) });
    expect(res.body.createdAt).toMatch(/Z$/);
    const events = await db.query(`SELECT type FROM outbox WHERE aggregate_id = $1`, [res.body.id]);
    expect(events).toEqual([{ type: 'centres.CentreCreated' }]);
  });

  it.each([
    ['an out-of-range latitude', centreInput({ location: { lat: 200, lng: 77 } }), 'location.lat'],
    ['an unknown field', { ...centreInput(), beds: 12 }, 'beds'],
    ['a bad time zone', centreInput({ timeZone: 'Mars/Olympus_Mons' }), 'timeZone'],
    ['a wrong type', centreInput({ name: 42 }), 'name'],
    ['a missing location', { ...centreInput(), location: undefined }, 'location'],
    ['a non-E.164 phone', centreInput({ phone: '080-4100' }), 'phone'],
  ])('rejects %s with 400 VALIDATION_FAILED naming the field, and creates nothing', async (_, body, field) => {
    // This request's centre only (by its random name or phone): other suites create centres too.
    const mine = () =>
      db.query(`SELECT count(*)::int AS n FROM centres WHERE name = $1 OR phone = $2`, [String(body.name), String(body.phone)]);
    const before = await mine();
    const res = await api.http.post('/api/v1/centres').set(auth()).send(body).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', type: expect.any(String), title: 'Bad Request' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await mine())[0].n).toBe(before[0].n);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await api.http.post('/api/v1/centres').set(auth()).set('Content-Type', 'application/json').send('{"name": ').expect(400);
    expect(res.body).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST' });
  });

  it('answers unknown routes and ids with 404 problem+json', async () => {
    expect((await api.http.get('/api/v1/nowhere').expect(404)).body.code).toBe('NOT_FOUND');
    expect((await api.http.get('/api/v1/centres/not-a-uuid').expect(404)).body.code).toBe('NOT_FOUND');
    expect((await api.http.get('/api/v1/centres/9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11').expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('updates, deactivates (hidden from the public, visible to admins) and soft-deletes', async () => {
    const centre = await createCentre(api.http, token);
    const updated = await api.http.put(`/api/v1/centres/${centre.id}`).set(auth()).send({ name: 'Renamed' }).expect(200);
    expect(updated.body).toMatchObject({ name: 'Renamed', city: centre.city });

    await api.http.patch(`/api/v1/centres/${centre.id}/toggle-active`).set(auth()).expect(200, /"isActive":false/);
    await api.http.get(`/api/v1/centres/${centre.id}`).expect(404);
    await api.http.get(`/api/v1/centres/${centre.id}`).set(auth()).expect(200);
    const listed = await api.http.get('/api/v1/centres').query({ city: 'Testpur', limit: 100 }).expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).not.toContain(centre.id);

    await api.http.delete(`/api/v1/centres/${centre.id}`).set(auth()).expect(204);
    await api.http.get(`/api/v1/centres/${centre.id}`).set(auth()).expect(404);
    await api.http.delete(`/api/v1/centres/${centre.id}`).set(auth()).expect(404);
    const types = await db.query(`SELECT type FROM outbox WHERE aggregate_id = $1 ORDER BY seq`, [centre.id]);
    expect(types.map((t: { type: string }) => t.type)).toEqual([
      'centres.CentreCreated',
      'centres.CentreUpdated',
      'centres.CentreActivationChanged',
      'centres.CentreDeleted',
    ]);
  });

  it('finds the demo Bengaluru centres within 10 km, nearest first, with distanceKm', async () => {
    await seedDemoData(db);
    // Other suites may leave a centre or two in Bengaluru (the test database outlives runs): one page of 100.
    const res = await api.http
      .get('/api/v1/centres')
      .query({ lat: 12.9716, lng: 77.5946, radiusKm: 10, limit: 100 })
      .expect(200);
    const demoIds = new Set(DEMO_CENTRES.map((c) => c.id));
    const demo = res.body.items.filter((c: { id: string }) => demoIds.has(c.id));
    expect(demo.map((c: { name: string }) => c.name)).toEqual(['carebook Indiranagar', 'carebook Jayanagar', 'carebook Koramangala']);
    // Only the Bengaluru demo centres qualify (Whitefield is ~17 km away); other suites' centres live elsewhere.
    expect(demo.every((c: { city: string }) => c.city === 'Bengaluru')).toBe(true);
    const distances = res.body.items.map((c: { distanceKm: number }) => c.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d: number) => d > 0 && d <= 10)).toBe(true);
    expect(res.body).toMatchObject({ page: 1, limit: 100, total: res.body.items.length });
  });

  it('validates the near query and paging', async () => {
    const lonely = await api.http.get('/api/v1/centres').query({ lat: 12.97 }).expect(400);
    expect(lonely.body.errors.map((e: { field: string }) => e.field)).toContain('lng');
    await api.http.get('/api/v1/centres').query({ limit: 101 }).expect(400);
    await api.http.get('/api/v1/centres').query({ page: 0 }).expect(400);
    await api.http.get('/api/v1/centres').query({ lat: 12.97, lng: 77.59, radiusKm: -1 }).expect(400);
    await api.http.get('/api/v1/centres').query({ sortBy: 'name' }).expect(400);
  });
});
