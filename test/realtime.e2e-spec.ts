import { DATABASE_CONFIG, DatabaseConfig, redisOptions } from '@carebook/core';
import { NOTIFICATIONS_NAMESPACE, realtimeChannelKey } from '@carebook/realtime';
import {
  adminToken,
  connectRefusal,
  connectSocket,
  createCentre,
  createClinician,
  CreatedClinician,
  createStaffAndLogin,
  disconnectWithin,
  DisposableRedis,
  eventually,
  loginClinician,
  ReceivedEvent,
  setWeeklySchedule,
  signInPatient,
  startTestApi,
  startTestWorker,
  TestApi,
  TestSocket,
  uniquePhone,
  weeklyRules,
} from '@carebook/testing';
import { JwtService } from '@nestjs/jwt';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { DateTime } from 'luxon';
import { randomInt, randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

const ZONE = 'Asia/Kolkata';
const SLOT_MS = 20 * 60_000; // the fixture clinician's consultation
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
const about = (appointmentId: string) => (p: Record<string, unknown>) =>
  p.appointmentId === appointmentId;

/** The first slot boundary (IST midnight + k * 20 min) at least a minute from now: a walk-in's. */
function nextBoundary(): string {
  const midnight = DateTime.now().setZone(ZONE).startOf('day').toMillis();
  const k = Math.ceil((Date.now() + 60_000 - midnight) / SLOT_MS);
  return new Date(midnight + k * SLOT_MS).toISOString();
}

describe('Live updates on /notifications (Socket.IO, two API processes, one worker)', () => {
  // Both API processes and the worker share Redis and a queue prefix, like one deployment.
  const env = {
    QUEUE_PREFIX: `cbtest-rt-${randomUUID().slice(0, 8)}`,
    RATE_LIMIT_PER_MINUTE: '100000',
  };
  let apiA: TestApi;
  let apiB: TestApi;
  let worker: { close(): Promise<void> };
  let admin: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    [apiA, apiB] = await Promise.all([
      startTestApi(AppModule, { env, listen: true }),
      startTestApi(AppModule, { env, listen: true }),
    ]);
    worker = await startTestWorker(WorkerModule, { env });
    admin = await adminToken(apiA.http);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(async () => {
    await worker?.close();
    await Promise.all([apiA?.close(), apiB?.close()]);
  });

  const connect = async (api: TestApi, token: string) => {
    const socket = await connectSocket(api.url!, token);
    sockets.push(socket);
    return socket;
  };

  /** A centre of its own, its front desk, and a clinician who works there around the clock. */
  async function centreWithDesk(http: TestAgent = apiA.http) {
    const centreId = (await createCentre(http, admin)).id;
    const desk = await createStaffAndLogin(http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centreId],
    });
    const doctor: CreatedClinician = await createClinician(http, admin, {
      primaryCentreId: centreId,
    });
    await setWeeklySchedule(
      http,
      admin,
      doctor,
      weeklyRules(centreId, { startTime: '00:00', endTime: '24:00', days: [0, 1, 2, 3, 4, 5, 6] }),
    );
    return { centreId, desk, doctor };
  }

  async function bookAtDesk(http: TestAgent, deskToken: string, body: Record<string, unknown>) {
    const res = await http
      .post('/api/v1/booking/front-desk')
      .set(as(deskToken))
      .send({ startsAt: nextBoundary(), sessionType: 'IN_PERSON', source: 'PHONE', ...body })
      .expect(201);
    return { id: res.body.id as string, at: Date.now(), body: res.body };
  }

  it('pushes appointment:new, appointment:update and queue:update within a second, once each, to the right people only', async () => {
    const a = await centreWithDesk();
    const b = await centreWithDesk();
    const patient = await signInPatient(apiA.http, uniquePhone(), 'Meera Nair');
    const deskA = await connect(apiA, a.desk.token);
    const doctorA = await connect(apiA, await loginClinician(apiA.http, a.doctor));
    const patientSocket = await connect(apiA, patient.token);
    const deskB = await connect(apiA, b.desk.token);

    const booked = await bookAtDesk(apiA.http, a.desk.token, {
      patientId: patient.id,
      clinicianId: a.doctor.id,
      centreId: a.centreId,
      reason: 'Follow-up',
    });
    const isBooked = about(booked.id);
    for (const client of [deskA, doctorA]) {
      const pushed = await client.next('appointment:new', isBooked);
      expect(pushed.at - booked.at).toBeLessThan(1000);
      expect(pushed.payload).toMatchObject({
        eventId: expect.any(String),
        appointmentId: booked.id,
        patientName: 'Meera Nair',
        startsAt: booked.body.startsAt,
        sessionType: 'IN_PERSON',
        reason: 'Follow-up',
        centreId: a.centreId,
        clinicianId: a.doctor.id,
      });
    }

    const checkIn = await apiA.http
      .patch(`/api/v1/appointments/${booked.id}/status`)
      .set(as(a.desk.token))
      .send({ status: 'CHECKED_IN' })
      .expect(200);
    const checkedInAt = Date.now();
    const updates: ReceivedEvent[] = [];
    for (const client of [deskA, doctorA, patientSocket]) {
      updates.push(await client.next('appointment:update', isBooked));
    }
    const queued = await deskA.next('queue:update', (p) => p.centreId === a.centreId);
    for (const pushed of [...updates, queued]) expect(pushed.at - checkedInAt).toBeLessThan(1000);
    expect(updates[2].payload).toMatchObject({
      eventId: expect.any(String),
      appointmentId: booked.id,
      change: 'STATUS_CHANGED',
      status: 'CHECKED_IN',
      previousStatus: 'CONFIRMED',
      startsAt: checkIn.body.startsAt,
    });
    expect(queued.payload).toMatchObject({
      eventId: updates[0].payload.eventId, // both pushes come from the one status change
      centreId: a.centreId,
      queue: [expect.objectContaining({ appointmentId: booked.id, patientName: 'Meera Nair' })],
    });

    // Repeats would show up now: collect a little longer, then count.
    await sleep(700);
    const count = (s: TestSocket, event: string) => s.of(event).length;
    expect([
      count(deskA, 'appointment:new'),
      count(deskA, 'appointment:update'),
      count(deskA, 'queue:update'),
    ]).toEqual([1, 1, 1]);
    expect([
      count(doctorA, 'appointment:new'),
      count(doctorA, 'appointment:update'),
      count(doctorA, 'queue:update'),
    ]).toEqual([1, 1, 0]);
    // The contract sends the patient their appointment's updates, not the desk's news or queue.
    expect(patientSocket.received.map((r) => r.event)).toEqual(['appointment:update']);
    expect(deskB.received).toEqual([]);
  });

  it('delivers an event caused through API process A to a client connected to process B', async () => {
    const { centreId, desk, doctor } = await centreWithDesk();
    const onB = await connect(apiB, desk.token);
    const onA = await connect(apiA, desk.token);
    const booked = await bookAtDesk(apiA.http, desk.token, {
      patient: { fullName: 'Kiran Das', phone: uniquePhone() },
      clinicianId: doctor.id,
      centreId,
      source: 'WALK_IN',
    });
    for (const client of [onB, onA]) {
      const pushed = await client.next('appointment:new', about(booked.id));
      expect(pushed.at - booked.at).toBeLessThan(1000);
    }
    await sleep(300);
    expect(onB.of('appointment:new')).toHaveLength(1);
  });

  it('refuses bad tokens at connect: none, garbage, forged, alg none, expired, signed out, deactivated', async () => {
    const url = apiA.url!;
    const centreId = (await createCentre(apiA.http, admin)).id;
    const login = async (username: string, password: string) =>
      (
        await apiA.http
          .post('/api/v1/auth/login/username-password')
          .send({ username, password })
          .expect(200)
      ).body as { accessToken: string; refreshToken: string };
    const staff = await createStaffAndLogin(apiA.http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centreId],
    });
    const jwt = apiA.app.get(JwtService);
    const claims = claimsOf(staff.token);
    delete claims.exp;

    const forged = new JwtService({ secret: 'not-the-carebook-secret-but-long-enough-1234' }).sign(
      claims,
    );
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${staff.token.split('.')[1]}.`;
    const expired = jwt.sign(
      { ...claims, iat: Math.floor(Date.now() / 1000) - 3600 },
      { expiresIn: 60 },
    );

    const signedOut = await login(staff.username, staff.password);
    await apiA.http
      .post('/api/v1/auth/logout')
      .send({ refreshToken: signedOut.refreshToken })
      .expect(204);
    const patient = await signInPatient(apiA.http);
    await apiA.http
      .post('/api/v1/patient-auth/logout')
      .send({ refreshToken: patient.refreshToken })
      .expect(204);
    const leaver = await createStaffAndLogin(apiA.http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centreId],
    });
    await apiA.http.patch(`/api/v1/users/${leaver.id}/toggle-active`).set(as(admin)).expect(200);

    const refusals = {
      none: await connectRefusal(url),
      empty: await connectRefusal(url, { token: '' }),
      notAString: await connectRefusal(url, { token: { sub: staff.id } }),
      garbage: await connectRefusal(url, { token: 'not-a-token' }),
      forged: await connectRefusal(url, { token: forged }),
      algNone: await connectRefusal(url, { token: unsigned }),
      expired: await connectRefusal(url, { token: expired }),
      staffSignedOut: await connectRefusal(url, { token: signedOut.accessToken }),
      patientSignedOut: await connectRefusal(url, { token: patient.token }),
      deactivated: await connectRefusal(url, { token: leaver.token }),
    };
    for (const [name, error] of Object.entries(refusals)) {
      expect([name, error.message, error.data?.code]).toEqual([
        name,
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
      ]);
    }
    // The same token, untouched, is welcome.
    const ok = await connect(apiA, staff.token);
    expect(ok.socket.connected).toBe(true);
  });

  it('disconnects a socket when its token expires, and keeps one whose client re-authenticates', async () => {
    const { centreId, desk, doctor } = await centreWithDesk();
    const jwt = apiA.app.get(JwtService);
    const shortLived = () => {
      const claims = claimsOf(desk.token); // a live session: only the lifetime differs
      delete claims.exp;
      delete claims.iat;
      return jwt.sign(claims, { expiresIn: 2 });
    };

    const lapsing = await connect(apiA, shortLived());
    const renewed = await connect(apiB, shortLived());
    const other = await createStaffAndLogin(apiA.http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centreId],
    });
    expect(await renewed.request('auth:refresh', { token: other.token })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await renewed.request('auth:refresh', { token: 'garbage' })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    const answer = await renewed.request('auth:refresh', { token: desk.token });
    expect(answer).toMatchObject({ ok: true, expiresAt: expect.any(String) });
    expect(Date.parse(answer.expiresAt as string)).toBe(
      (claimsOf(desk.token).exp as number) * 1000,
    );

    const [lapsedReason, renewedReason] = await Promise.all([
      disconnectWithin(lapsing.socket, 4000),
      disconnectWithin(renewed.socket, 4000),
    ]);
    expect(lapsedReason).toBe('io server disconnect');
    expect(lapsing.of('auth:expired')).toHaveLength(1);
    expect(renewedReason).toBeUndefined();

    // Still in its rooms after the refresh: it hears the next booking.
    const booked = await bookAtDesk(apiA.http, desk.token, {
      patient: { fullName: 'Anil Menon', phone: uniquePhone() },
      clinicianId: doctor.id,
      centreId,
    });
    await renewed.next('appointment:new', about(booked.id));
    expect(renewed.socket.connected).toBe(true);
  });

  it("sends clinician:new to patients who subscribed to the clinician's city, and only them", async () => {
    const city = `Rtpur ${randomInt(1e9)}`;
    const centreId = (await createCentre(apiA.http, admin, { city })).id;
    const [here, elsewhere] = await Promise.all([
      signInPatient(apiA.http),
      signInPatient(apiA.http),
    ]);
    const hereSocket = await connect(apiA, here.token);
    const elsewhereSocket = await connect(apiB, elsewhere.token);
    expect(
      await hereSocket.request('subscribe:city', { city: `  ${city.toUpperCase()} ` }),
    ).toEqual({
      ok: true,
      city: city.toLowerCase(),
    });
    expect(await elsewhereSocket.request('subscribe:city', { city: `${city}-not` })).toMatchObject({
      ok: true,
    });
    const staffSocket = await connect(apiA, admin);
    expect(await staffSocket.request('subscribe:city', { city })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await hereSocket.request('subscribe:city', { city: 42 })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });

    const doctor = await createClinician(apiA.http, admin, { primaryCentreId: centreId });
    const pushed = await hereSocket.next('clinician:new', (p) => p.clinicianId === doctor.id);
    expect(pushed.payload).toMatchObject({
      eventId: expect.any(String),
      clinicianId: doctor.id,
      city,
    });
    await sleep(300);
    expect(elsewhereSocket.of('clinician:new')).toEqual([]);
    expect(staffSocket.of('clinician:new', (p) => p.clinicianId === doctor.id)).toEqual([]);
  });

  it("disconnects a staff user's sockets when they are deactivated (auth:revoked)", async () => {
    const centreId = (await createCentre(apiA.http, admin)).id;
    const desk = await createStaffAndLogin(apiA.http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centreId],
    });
    const socket = await connect(apiB, desk.token);
    const gone = disconnectWithin(socket.socket, 5000);
    await apiA.http.patch(`/api/v1/users/${desk.id}/toggle-active`).set(as(admin)).expect(200);
    expect(await gone).toBe('io server disconnect');
    expect(socket.of('auth:revoked')).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ reason: 'DEACTIVATED' }) }),
    ]);
  });

  it("disconnects a session's sockets when it signs out (auth:revoked), and only that session's", async () => {
    const centreId = (await createCentre(apiA.http, admin)).id;
    const desk = await createStaffAndLogin(apiA.http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centreId],
    });
    const other = (
      await apiA.http
        .post('/api/v1/auth/login/username-password')
        .send({ username: desk.username, password: desk.password })
        .expect(200)
    ).body as { accessToken: string; refreshToken: string };
    const leaving = await connect(apiB, other.accessToken);
    const staying = await connect(apiA, desk.token);
    const gone = disconnectWithin(leaving.socket, 5000);
    await apiA.http
      .post('/api/v1/auth/logout')
      .send({ refreshToken: other.refreshToken })
      .expect(204);
    expect(await gone).toBe('io server disconnect');
    expect(leaving.of('auth:revoked')).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ reason: 'SIGNED_OUT' }) }),
    ]);
    await sleep(300);
    expect(staying.socket.connected).toBe(true);
    expect(staying.of('auth:revoked')).toEqual([]);

    const patient = await signInPatient(apiA.http);
    const patientSocket = await connect(apiA, patient.token);
    const patientGone = disconnectWithin(patientSocket.socket, 5000);
    await apiA.http
      .post('/api/v1/patient-auth/logout')
      .send({ refreshToken: patient.refreshToken })
      .expect(204);
    expect(await patientGone).toBe('io server disconnect');
  });

  it('hears pushes on an API process that booted while Redis was down, and again after an outage', async () => {
    const redis = await DisposableRedis.start();
    await redis.pause();
    const api = await startTestApi(AppModule, {
      env: { ...env, REDIS_URL: redis.url },
      listen: true,
    });
    const publisher = new Redis(redisOptions(redis.url));
    publisher.on('error', () => undefined);
    try {
      const centreId = (await createCentre(apiA.http, admin)).id;
      const desk = await createStaffAndLogin(apiA.http, admin, {
        role: 'FRONT_DESK',
        centreIds: [centreId],
      });
      const socket = await connect(api, desk.token); // the handshake needs the database only
      const key = realtimeChannelKey(api.app.get<DatabaseConfig>(DATABASE_CONFIG));
      const emitter = new Emitter(publisher, { key }).of(NOTIFICATIONS_NAMESPACE);
      const pushUntilHeard = (eventId: string) =>
        eventually(async () => {
          emitter.to(`user:${desk.id}`).emit('appointment:update', { eventId });
          await socket.next('appointment:update', (p) => p.eventId === eventId, 200);
        }, 10_000);

      await redis.resume();
      await pushUntilHeard('after-boot');
      await redis.pause();
      await redis.resume();
      await pushUntilHeard('after-outage');
    } finally {
      publisher.disconnect();
      await api.close();
      await redis.stop();
    }
  });
});
