import { BookingPolicy } from '@carebook/booking';
import {
  adminToken,
  createCentre,
  openTestDataSource,
  createClinician,
  CreatedClinician,
  createStaffAndLogin,
  loginClinician,
  setWeeklySchedule,
  SignedInPatient,
  SignedInStaff,
  signInPatient,
  startTestApi,
  startTestWorker,
  TestApi,
  uniquePhone,
  weeklyRules,
} from '@carebook/testing';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type TestAgent from 'supertest/lib/agent';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

const ZONE = 'Asia/Kolkata';
const SLOT_MS = 20 * 60_000; // the fixture clinician's consultation
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const localDate = (at: number | string = Date.now()) =>
  DateTime.fromMillis(typeof at === 'string' ? Date.parse(at) : at, { zone: ZONE }).toISODate()!;
const env = { RATE_LIMIT_PER_MINUTE: '100000' };

async function eventually<T>(check: () => Promise<T>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * A clinician who works around the clock at `centreId`, every day (20-minute slots at :00,
 * :20 and :40 IST), so the test finds slots whenever it runs.
 */
async function roundTheClockClinician(
  http: TestAgent,
  admin: string,
  centreId: string,
): Promise<CreatedClinician> {
  const clinician = await createClinician(http, admin, { primaryCentreId: centreId });
  const days = [0, 1, 2, 3, 4, 5, 6];
  await setWeeklySchedule(
    http,
    admin,
    clinician,
    weeklyRules(centreId, { startTime: '00:00', endTime: '24:00', days }),
  );
  return clinician;
}

async function freeSlots(http: TestAgent, clinicianId: string, days = 2) {
  const res = await http
    .get(`/api/v1/clinicians/${clinicianId}/slots`)
    .query({ from: localDate(), to: localDate(Date.now() + days * 86_400_000) })
    .expect(200);
  return res.body.items as Array<{
    startsAt: string;
    endsAt: string;
    centreId: string;
    sessionType: string;
  }>;
}

/** The first slot boundary (IST midnight + k * 20 min) at least a minute from now: a walk-in's slot. */
function nextBoundary(): string {
  const midnight = DateTime.now().setZone(ZONE).startOf('day').toMillis();
  const k = Math.ceil((Date.now() + 60_000 - midnight) / SLOT_MS);
  return new Date(midnight + k * SLOT_MS).toISOString();
}

describe('Booking over HTTP (API + worker)', () => {
  let api: TestApi;
  let worker: { close(): Promise<void> };
  let admin: string;
  let centreA: string;
  let centreB: string;
  let deskA: SignedInStaff;
  let deskB: SignedInStaff;
  let patient: SignedInPatient;
  let stranger: SignedInPatient;
  let db: DataSource;

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startTestApi(AppModule, { env });
    worker = await startTestWorker(WorkerModule, { env });
    admin = await adminToken(api.http);
    centreA = (await createCentre(api.http, admin)).id;
    centreB = (await createCentre(api.http, admin)).id;
    deskA = await createStaffAndLogin(api.http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centreA],
    });
    deskB = await createStaffAndLogin(api.http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centreB],
    });
    patient = await signInPatient(api.http, uniquePhone(), 'Asha Rao');
    stranger = await signInPatient(api.http, uniquePhone(), 'Vikram Iyer');
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await db.destroy();
  });

  it('lets a patient signed in by OTP see slots, book, find, move and cancel their appointment', async () => {
    const doctor = await roundTheClockClinician(api.http, admin, centreA);
    const slots = await freeSlots(api.http, doctor.id);
    expect(slots.length).toBeGreaterThan(50);
    expect(Date.parse(slots[0].startsAt)).toBeGreaterThanOrEqual(
      Date.now() + 2 * 3600_000 - 60_000,
    ); // minimum notice
    const [first, , , fourth] = slots;

    const booked = await api.http
      .post('/api/v1/booking/create')
      .set(as(patient.token))
      .send({
        clinicianId: doctor.id,
        startsAt: first.startsAt,
        sessionType: 'IN_PERSON',
        reason: 'Chest pain',
      })
      .expect(201);
    expect(booked.body).toMatchObject({
      patientId: patient.id,
      clinicianId: doctor.id,
      centreId: centreA,
      startsAt: first.startsAt,
      status: 'PENDING',
      paymentStatus: 'UNPAID',
      fee: { amount: 80000, currency: 'INR' },
      source: 'ONLINE',
      reason: 'Chest pain',
    });
    expect(Date.parse(booked.body.holdExpiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    const id = booked.body.id as string;
    expect((await freeSlots(api.http, doctor.id)).map((s) => s.startsAt)).not.toContain(
      first.startsAt,
    );

    const mine = await api.http
      .get('/api/v1/booking/my-appointments')
      .set(as(patient.token))
      .expect(200);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(id);
    const selfService = await api.http
      .get('/api/v1/patient/appointments')
      .set(as(patient.token))
      .expect(200);
    expect(selfService.body.items.map((a: { id: string }) => a.id)).toContain(id);
    await api.http.get(`/api/v1/booking/${id}`).set(as(patient.token)).expect(200);

    const moved = await api.http
      .post(`/api/v1/booking/${id}/reschedule`)
      .set(as(patient.token))
      .send({ startsAt: fourth.startsAt })
      .expect(200);
    expect(moved.body).toMatchObject({ id, startsAt: fourth.startsAt, status: 'PENDING' });
    const free = (await freeSlots(api.http, doctor.id)).map((s) => s.startsAt);
    expect(free).toContain(first.startsAt);
    expect(free).not.toContain(fourth.startsAt);

    const cancelled = await api.http
      .post(`/api/v1/booking/${id}/cancel`)
      .set(as(patient.token))
      .send({ reason: 'Feeling better' })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'PATIENT',
      cancelReason: 'Feeling better',
    });
    expect((await freeSlots(api.http, doctor.id)).map((s) => s.startsAt)).toContain(
      fourth.startsAt,
    );
  });

  it("answers 404 for another patient's appointment, and 409 SLOT_UNAVAILABLE to the losers of a race", async () => {
    const doctor = await roundTheClockClinician(api.http, admin, centreA);
    const [slot] = await freeSlots(api.http, doctor.id);
    const body = { clinicianId: doctor.id, startsAt: slot.startsAt, sessionType: 'IN_PERSON' };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.http.post('/api/v1/booking/create').set(as(patient.token)).send(body),
      ),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    const losers = answers.filter((r) => r.status !== 201);
    expect(losers.every((r) => r.status === 409 && r.body.code === 'SLOT_UNAVAILABLE')).toBe(true);
    expect(losers[0].headers['content-type']).toMatch(/^application\/problem\+json/);
    const id = answers.find((r) => r.status === 201)!.body.id as string;

    for (const res of [
      await api.http.get(`/api/v1/booking/${id}`).set(as(stranger.token)),
      await api.http.post(`/api/v1/booking/${id}/cancel`).set(as(stranger.token)).send({}),
      await api.http
        .post(`/api/v1/patient/appointments/${id}/cancel`)
        .set(as(stranger.token))
        .send({}),
      await api.http
        .post(`/api/v1/booking/${id}/reschedule`)
        .set(as(stranger.token))
        .send({ startsAt: slot.startsAt }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    await api.http.get(`/api/v1/booking/${id}`).set(as(patient.token)).expect(200);
    // Staff routes refuse patients, patient routes refuse staff.
    await api.http.get(`/api/v1/appointments/${id}`).set(as(patient.token)).expect(403);
    await api.http.post('/api/v1/booking/create').set(as(deskA.token)).send(body).expect(403);
  });

  it('replays a create with the same Idempotency-Key and refuses the key with another body', async () => {
    const doctor = await roundTheClockClinician(api.http, admin, centreA);
    const [a, b] = await freeSlots(api.http, doctor.id);
    const key = `book-${Date.now()}`;
    const body = { clinicianId: doctor.id, startsAt: a.startsAt, sessionType: 'IN_PERSON' };
    const first = await api.http
      .post('/api/v1/booking/create')
      .set(as(patient.token))
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const again = await api.http
      .post('/api/v1/booking/create')
      .set(as(patient.token))
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const reused = await api.http
      .post('/api/v1/booking/create')
      .set(as(patient.token))
      .set('Idempotency-Key', key)
      .send({ ...body, startsAt: b.startsAt })
      .expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const list = await api.http
      .get('/api/v1/appointments')
      .query({ clinicianId: doctor.id })
      .set(as(admin))
      .expect(200);
    expect(list.body.total).toBe(1);
  });

  it('books a walk-in for a new patient at the front desk and runs the visit through the queue and stats', async () => {
    const doctor = await roundTheClockClinician(api.http, admin, centreA);
    const startsAt = nextBoundary();
    const date = localDate(startsAt);
    const phone = uniquePhone();
    const walkIn = await api.http
      .post('/api/v1/booking/front-desk')
      .set(as(deskA.token))
      .send({
        patient: { fullName: 'Ravi Kumar', phone },
        clinicianId: doctor.id,
        centreId: centreA,
        startsAt,
        sessionType: 'IN_PERSON',
        source: 'WALK_IN',
        reason: 'Fever',
      })
      .expect(201);
    expect(walkIn.body).toMatchObject({
      status: 'CONFIRMED',
      source: 'WALK_IN',
      holdExpiresAt: null,
      startsAt,
    });
    const id = walkIn.body.id as string;
    const patientId = walkIn.body.patientId as string;
    const record = await api.http
      .get(`/api/v1/patients/${patientId}`)
      .set(as(deskA.token))
      .expect(200);
    expect(record.body).toMatchObject({ fullName: 'Ravi Kumar', phone });

    const setStatus = (status: string, token = deskA.token) =>
      api.http.patch(`/api/v1/appointments/${id}/status`).set(as(token)).send({ status });
    const stats = async () =>
      (
        await api.http
          .get('/api/v1/receptionists/stats')
          .query({ centreId: centreA, date })
          .set(as(deskA.token))
          .expect(200)
      ).body;
    const queue = async () =>
      (
        await api.http
          .get('/api/v1/receptionists/queue')
          .query({ centreId: centreA })
          .set(as(deskA.token))
          .expect(200)
      ).body;

    const checkedIn = await setStatus('CHECKED_IN').expect(200);
    expect(Date.parse(checkedIn.body.checkedInAt)).toBeGreaterThan(Date.now() - 60_000);
    const waiting = await queue();
    const entry = waiting.items.find((q: { appointmentId: string }) => q.appointmentId === id);
    expect(entry).toMatchObject({ patientId, patientName: 'Ravi Kumar', clinicianId: doctor.id });
    let day = await stats();
    expect(day.timeZone).toBe(ZONE);
    expect(day.items.find((a: { id: string }) => a.id === id)).toMatchObject({
      status: 'CHECKED_IN',
      patientName: 'Ravi Kumar',
    });
    const before = day.counts;
    expect(before.waiting).toBeGreaterThanOrEqual(1);

    const doctorToken = await loginClinician(api.http, doctor);
    await setStatus('IN_PROGRESS', doctorToken).expect(200);
    expect(
      (await queue()).items.map((q: { appointmentId: string }) => q.appointmentId),
    ).not.toContain(id);
    day = await stats();
    expect(day.counts).toMatchObject({
      waiting: before.waiting - 1,
      inProgress: before.inProgress + 1,
    });

    await setStatus('COMPLETED', doctorToken).expect(200);
    day = await stats();
    expect(day.counts).toMatchObject({
      inProgress: before.inProgress,
      completed: before.completed + 1,
      booked: before.booked,
    });

    const illegal = await setStatus('CHECKED_IN').expect(409);
    expect(illegal.body.code).toBe('ILLEGAL_TRANSITION');
    const mine = await api.http
      .get('/api/v1/appointments/my-appointments')
      .set(as(doctorToken))
      .expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id, status: 'COMPLETED' })]);
    const history = await api.http
      .get(`/api/v1/patients/${patientId}/appointments`)
      .set(as(deskA.token))
      .expect(200);
    expect(history.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
  });

  it("keeps the front desk of centre B out of centre A's appointments and board (404)", async () => {
    const doctor = await roundTheClockClinician(api.http, admin, centreA);
    const booked = await api.http
      .post('/api/v1/booking/front-desk')
      .set(as(deskA.token))
      .send({
        patientId: patient.id,
        clinicianId: doctor.id,
        centreId: centreA,
        startsAt: nextBoundary(),
        sessionType: 'IN_PERSON',
        source: 'PHONE',
      })
      .expect(201);
    const id = booked.body.id as string;
    await api.http.get(`/api/v1/appointments/${id}`).set(as(deskA.token)).expect(200);
    for (const res of [
      await api.http.get(`/api/v1/appointments/${id}`).set(as(deskB.token)),
      await api.http
        .patch(`/api/v1/appointments/${id}/status`)
        .set(as(deskB.token))
        .send({ status: 'CHECKED_IN' }),
      await api.http.delete(`/api/v1/appointments/${id}`).set(as(deskB.token)),
      await api.http
        .get('/api/v1/receptionists/stats')
        .query({ centreId: centreA })
        .set(as(deskB.token)),
      await api.http
        .get('/api/v1/receptionists/queue')
        .query({ centreId: centreA })
        .set(as(deskB.token)),
    ]) {
      expect(res.status).toBe(404);
    }
    const listB = await api.http
      .get('/api/v1/appointments')
      .query({ clinicianId: doctor.id })
      .set(as(deskB.token))
      .expect(200);
    expect(listB.body.total).toBe(0);
    // Booking at another centre is refused outright.
    await api.http
      .post('/api/v1/booking/front-desk')
      .set(as(deskB.token))
      .send({
        patientId: patient.id,
        clinicianId: doctor.id,
        centreId: centreA,
        startsAt: nextBoundary(),
        sessionType: 'IN_PERSON',
        source: 'PHONE',
      })
      .expect(403);
    // A staff cancellation this close to the start overrides the patients' window.
    const cancelled = await api.http
      .delete(`/api/v1/appointments/${id}`)
      .query({ reason: 'Clinician ill' })
      .set(as(deskA.token))
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancelledBy: 'STAFF' });
    const audit = await db.query(
      `SELECT action, actor_id, patient_id FROM audit_events WHERE target_id = $1`,
      [id],
    );
    expect(audit).toEqual([
      {
        action: 'appointment.cancellation.window_overridden',
        actor_id: deskA.id,
        patient_id: patient.id,
      },
    ]);
  });

  it('refuses a slot range over 31 days and unknown clinicians', async () => {
    const doctor = await roundTheClockClinician(api.http, admin, centreA);
    const wide = await api.http
      .get(`/api/v1/clinicians/${doctor.id}/slots`)
      .query({ from: '2026-01-01', to: '2026-02-02' })
      .expect(400);
    expect(wide.body.code).toBe('VALIDATION_FAILED');
    await api.http
      .get('/api/v1/clinicians/9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11/slots')
      .query({ from: '2026-01-01', to: '2026-01-02' })
      .expect(404);
    const day = await api.http
      .get('/api/v1/booking/available-slots')
      .query({ clinicianId: doctor.id, date: localDate(Date.now() + 86_400_000) })
      .expect(200);
    expect(day.body.items).toHaveLength(72);
  });
});

describe('Unpaid holds expire and free their slot (short hold)', () => {
  let api: TestApi;
  let worker: { close(): Promise<void> };
  let admin: string;
  let centreId: string;

  beforeAll(async () => {
    const shortHold = Object.assign(new BookingPolicy(), { holdMs: 1500 });
    api = await startTestApi(AppModule, {
      env,
      override: (b) => b.overrideProvider(BookingPolicy).useValue(shortHold),
    });
    worker = await startTestWorker(WorkerModule, { env });
    admin = await adminToken(api.http);
    centreId = (await createCentre(api.http, admin)).id;
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it("expires the hold through the worker's delayed job; the slot is bookable again", async () => {
    const doctor = await roundTheClockClinician(api.http, admin, centreId);
    const [slot] = await freeSlots(api.http, doctor.id);
    const first = await signInPatient(api.http);
    const body = { clinicianId: doctor.id, startsAt: slot.startsAt, sessionType: 'IN_PERSON' };
    const held = await api.http
      .post('/api/v1/booking/create')
      .set(as(first.token))
      .send(body)
      .expect(201);
    expect(held.body.status).toBe('PENDING');

    const expired = await eventually(async () => {
      const res = await api.http
        .get(`/api/v1/booking/${held.body.id}`)
        .set(as(first.token))
        .expect(200);
      expect(res.body.status).toBe('CANCELLED');
      return res.body;
    });
    expect(expired).toMatchObject({ cancelledBy: 'SYSTEM', cancelReason: 'HOLD_EXPIRED' });
    expect((await freeSlots(api.http, doctor.id)).map((s) => s.startsAt)).toContain(slot.startsAt);
    const second = await signInPatient(api.http);
    await api.http.post('/api/v1/booking/create').set(as(second.token)).send(body).expect(201);
  });

  it('never lets an expired hold block a booking, even before any worker acts on it', async () => {
    const doctor = await roundTheClockClinician(api.http, admin, centreId);
    const [slot] = await freeSlots(api.http, doctor.id);
    const [first, second] = [await signInPatient(api.http), await signInPatient(api.http)];
    const body = { clinicianId: doctor.id, startsAt: slot.startsAt, sessionType: 'IN_PERSON' };
    await api.http.post('/api/v1/booking/create').set(as(first.token)).send(body).expect(201);
    await api.http.post('/api/v1/booking/create').set(as(second.token)).send(body).expect(409);
    await new Promise((r) => setTimeout(r, 1600));
    const taken = await api.http
      .post('/api/v1/booking/create')
      .set(as(second.token))
      .send(body)
      .expect(201);
    expect(taken.body.status).toBe('PENDING');
  });
});
