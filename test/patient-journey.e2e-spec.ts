import {
  adminToken,
  createCentre,
  createClinician,
  eventually,
  setWeeklySchedule,
  signInPatient,
  startTestApi,
  startTestWorker,
  TestApi,
  weeklyRules,
} from '@carebook/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

const BENGALURU = { lat: 12.9716, lng: 77.5946 };

/** The contract's patient journey, over HTTP only: search near Bengaluru, slots, book, manage. */
describe('A patient finds a clinician near Bengaluru and books', () => {
  let api: TestApi;
  let worker: { close(): Promise<void> };
  beforeAll(async () => {
    api = await startTestApi(AppModule);
    worker = await startTestWorker(WorkerModule);
  });
  const cleanups: Array<() => PromiseLike<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await worker.close();
    await api.close();
  });

  it('searches, sees slots, books, finds, reschedules and cancels; the directory follows', async () => {
    const admin = await adminToken(api.http);
    const specialty = `Journeyology ${randomUUID().slice(0, 8)}`;
    const centre = await createCentre(api.http, admin, {
      city: 'Bengaluru',
      location: { lat: 12.9352, lng: 77.6245 },
    });
    // The test database outlives runs: leave no Bengaluru centre behind for the near-search tests.
    cleanups.push(() => api.http.delete(`/api/v1/centres/${centre.id}`).set('Authorization', `Bearer ${admin}`));
    const doctor = await createClinician(api.http, admin, {
      primaryCentreId: centre.id,
      specializations: [specialty],
    });
    await setWeeklySchedule(
      api.http,
      admin,
      doctor,
      weeklyRules(centre.id, { days: [0, 1, 2, 3, 4, 5, 6], startTime: '00:00', endTime: '24:00' }),
    );
    const patient = await signInPatient(api.http);
    const auth = { Authorization: `Bearer ${patient.token}` };

    const listed = await eventually(async () => {
      const res = await api.http
        .get('/api/v1/clinicians')
        .query({ ...BENGALURU, radiusKm: 10, specialization: specialty })
        .expect(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0].nextAvailableSlot).toEqual(expect.any(String));
      return res.body.items[0];
    });
    expect(listed).toMatchObject({ id: doctor.id, primaryCentre: { city: 'Bengaluru' } });
    expect(listed.distanceKm).toBeGreaterThan(4);
    expect(listed.distanceKm).toBeLessThan(6);

    const day = (offset: number) =>
      new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
    const slots = (
      await api.http
        .get(`/api/v1/clinicians/${doctor.id}/slots`)
        .query({ from: day(-1), to: day(2) })
        .expect(200)
    ).body.items;
    const later = (
      await api.http
        .get('/api/v1/booking/available-slots')
        .query({ clinicianId: doctor.id, date: day(7) })
        .expect(200)
    ).body.items;
    const first = slots[0];
    expect(first.startsAt).toBe(listed.nextAvailableSlot);

    const booked = await api.http
      .post('/api/v1/booking/create')
      .set(auth)
      .send({
        clinicianId: doctor.id,
        startsAt: first.startsAt,
        sessionType: 'IN_PERSON',
        reason: 'Rash',
      })
      .expect(201);
    expect(booked.body.status).toBe('PENDING');
    // The directory moves on to the next free slot once the booking is projected.
    await eventually(async () => {
      const res = await api.http
        .get('/api/v1/clinicians')
        .query({ specialization: specialty })
        .expect(200);
      expect(res.body.items[0].nextAvailableSlot).not.toBe(first.startsAt);
    });

    const mine = await api.http.get('/api/v1/booking/my-appointments').set(auth).expect(200);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(booked.body.id);
    await api.http
      .post(`/api/v1/booking/${booked.body.id}/reschedule`)
      .set(auth)
      .send({ startsAt: later[3].startsAt })
      .expect(200);
    await api.http
      .post(`/api/v1/booking/${booked.body.id}/cancel`)
      .set(auth)
      .send({})
      .expect(200, /"status":"CANCELLED"/);
    await eventually(async () => {
      const res = await api.http
        .get('/api/v1/clinicians')
        .query({ specialization: specialty })
        .expect(200);
      expect(res.body.items[0].nextAvailableSlot).toBe(first.startsAt);
    });
  });
});
