import {
  adminToken,
  createCentre,
  createClinician,
  eventually,
  setWeeklySchedule,
  startTestApi,
  startTestWorker,
  TestApi,
  weeklyRules,
} from '@carebook/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

describe('Clinician directory (GET /clinicians), kept by the worker', () => {
  let api: TestApi;
  let worker: { close(): Promise<void> };
  let admin: string;
  // A spot in the South Atlantic: nothing else in the test database is near it.
  const here = { lat: -35.2 + Math.random() / 10, lng: -20.3 + Math.random() / 10 };

  beforeAll(async () => {
    api = await startTestApi(AppModule);
    worker = await startTestWorker(WorkerModule);
    admin = await adminToken(api.http);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('lists a new clinician near their centre with distance and next free slot; deactivation unlists them', async () => {
    const centre = await createCentre(api.http, admin, {
      location: { lat: here.lat + 0.01, lng: here.lng },
      timeZone: 'Europe/London',
    });
    const derm = await createClinician(api.http, admin, {
      primaryCentreId: centre.id,
      specializations: ['Dermatology'],
      languages: ['English', 'Kannada'],
    });
    await setWeeklySchedule(
      api.http,
      admin,
      derm,
      weeklyRules(centre.id, { days: [0, 1, 2, 3, 4, 5, 6], startTime: '00:00', endTime: '24:00' }),
    );

    const found = await eventually(async () => {
      const res = await api.http
        .get('/api/v1/clinicians')
        .query({ ...here, radiusKm: 5, specialization: 'dermatology' })
        .expect(200);
      const item = res.body.items.find((c: { id: string }) => c.id === derm.id);
      expect(item?.nextAvailableSlot).toEqual(expect.any(String));
      return item;
    });
    expect(found).toMatchObject({
      fullName: derm.fullName,
      primaryCentre: { id: centre.id },
      sessionTypes: ['IN_PERSON'],
    });
    expect(found.distanceKm).toBeGreaterThan(0.9);
    expect(found.distanceKm).toBeLessThan(1.3);
    // Two hours of notice (the default) from now, within the next slot length.
    const next = Date.parse(found.nextAvailableSlot);
    expect(next).toBeGreaterThanOrEqual(Date.now() + 2 * 3600_000 - 60_000);
    expect(next).toBeLessThan(Date.now() + 2 * 3600_000 + 21 * 60_000);

    const slots = await api.http
      .get(`/api/v1/clinicians/${derm.id}/slots`)
      .query({
        from: new Date().toISOString().slice(0, 10),
        to: new Date(Date.now() + 86400_000).toISOString().slice(0, 10),
      })
      .expect(200);
    expect(slots.body.items[0].startsAt).toBe(found.nextAvailableSlot);

    await api.http
      .get('/api/v1/clinicians')
      .query({ ...here, radiusKm: 5, language: 'tamil' })
      .expect(200, /"items":\[\]/);

    await api.http
      .patch(`/api/v1/clinicians/${derm.id}/toggle-active`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    await eventually(async () => {
      const res = await api.http
        .get('/api/v1/clinicians')
        .query({ ...here, radiusKm: 5 })
        .expect(200);
      expect(res.body.items.map((c: { id: string }) => c.id)).not.toContain(derm.id);
    });
  });

  it('answers a search with exactly one database query, whatever the page size', async () => {
    const db = api.app.get(DataSource);
    const spy = jest.spyOn(db, 'query');
    try {
      await api.http
        .get('/api/v1/clinicians')
        .query({ ...here, radiusKm: 50, sort: 'nextAvailable', limit: 100 })
        .expect(200);
      await api.http
        .get('/api/v1/clinicians')
        .query({
          specialization: 'Dermatology',
          minFee: 0,
          availableFrom: new Date().toISOString(),
        })
        .expect(200);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('rejects bad filters with 400', async () => {
    await api.http.get('/api/v1/clinicians').query({ lat: 12 }).expect(400);
    await api.http.get('/api/v1/clinicians').query({ sort: 'rating' }).expect(400);
    await api.http.get('/api/v1/clinicians').query({ minFee: -1 }).expect(400);
    await api.http.get('/api/v1/clinicians').query({ sessionType: 'HOME' }).expect(400);
  });
});
