import {
  adminToken,
  createCentre,
  createClinician,
  createStaffAndLogin,
  DisposableRedis,
  eventually,
  FakeSmtpServer,
  FakeTwilioApi,
  openTestDataSource,
  setWeeklySchedule,
  SignedInStaff,
  startTestApi,
  startTestWorker,
  TestApi,
  uniquePhone,
  weeklyRules,
} from '@carebook/testing';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

const BOOKINGS = 50;
const ZONE = 'Asia/Kolkata';

/**
 * Reliability (a) of issue 5: with Redis down, front-desk bookings still succeed (they need
 * only PostgreSQL: the confirmation waits in the outbox), and once Redis is back every
 * confirmation is delivered exactly once.
 */
describe('Confirmations through a Redis outage', () => {
  let redis: DisposableRedis;
  let twilio: FakeTwilioApi;
  let smtp: FakeSmtpServer;
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let db: DataSource;
  let desk: SignedInStaff;
  let centreId: string;
  let clinicianId: string;
  let redisDown = false;

  beforeAll(async () => {
    [redis, twilio, smtp] = await Promise.all([
      DisposableRedis.start(),
      FakeTwilioApi.start(),
      FakeSmtpServer.start(),
    ]);
    const env = {
      REDIS_URL: redis.url,
      RATE_LIMIT_PER_MINUTE: '100000',
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_SMS_FROM: '+14155550100',
      TWILIO_API_BASE_URL: twilio.url,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'carebook <no-reply@carebook.example>',
    };
    worker = await startTestWorker(WorkerModule, { env });
    api = await startTestApi(AppModule, { env });
    db = await openTestDataSource();
    const admin = await adminToken(api.http);
    centreId = (await createCentre(api.http, admin, { timeZone: ZONE })).id;
    const clinician = await createClinician(api.http, admin, { primaryCentreId: centreId });
    clinicianId = clinician.id;
    const days = [0, 1, 2, 3, 4, 5, 6];
    await setWeeklySchedule(
      api.http,
      admin,
      clinician,
      weeklyRules(centreId, { startTime: '00:00', endTime: '24:00', days }),
    );
    desk = await createStaffAndLogin(api.http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centreId],
    });
  });
  afterAll(async () => {
    if (redisDown) await redis.resume(); // so that the apps close their Redis clients cleanly
    await api?.close();
    await worker?.close();
    await db?.destroy();
    await Promise.all([twilio?.stop(), smtp?.stop(), redis?.stop()]);
  });

  it(`takes ${BOOKINGS} front-desk bookings while Redis is down and then confirms each exactly once`, async () => {
    const today = DateTime.now().setZone(ZONE);
    const slots = await api.http
      .get(`/api/v1/clinicians/${clinicianId}/slots`)
      .query({ from: today.toISODate(), to: today.plus({ days: 3 }).toISODate() })
      .expect(200);
    const starts = (slots.body.items as Array<{ startsAt: string }>)
      .map((s) => s.startsAt)
      .filter((at) => Date.parse(at) > Date.now() + 3 * 3600_000) // no reminder falls due meanwhile
      .slice(0, BOOKINGS);
    expect(starts).toHaveLength(BOOKINGS);

    await redis.pause();
    redisDown = true;
    const booked: Array<{ id: string; phone: string }> = [];
    for (const [i, startsAt] of starts.entries()) {
      const phone = uniquePhone();
      const res = await api.http
        .post('/api/v1/booking/front-desk')
        .set('Authorization', `Bearer ${desk.token}`)
        .send({
          patient: { fullName: `Outage Patient ${i + 1}`, phone },
          clinicianId,
          centreId,
          startsAt,
          sessionType: 'IN_PERSON',
          source: 'PHONE',
        });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('CONFIRMED');
      booked.push({ id: res.body.id, phone });
    }
    expect(booked).toHaveLength(BOOKINGS);
    expect(booked.flatMap((b) => twilio.requestsTo(b.phone))).toEqual([]);

    await redis.resume();
    redisDown = false;
    const ids = booked.map((b) => b.id);
    await eventually(async () => {
      const [{ sent }] = await db.query(
        `SELECT count(*)::int AS sent FROM message_log
          WHERE appointment_id = ANY($1) AND template = 'appointment-confirmation' AND status = 'SENT'`,
        [ids],
      );
      expect(sent).toBe(BOOKINGS);
    }, 60_000);
    const rows: Array<{
      appointment_id: string;
      recipient: string;
      channel: string;
      attempts: number;
    }> = await db.query(
      `SELECT appointment_id, recipient, channel, attempts FROM message_log WHERE appointment_id = ANY($1)`,
      [ids],
    );
    expect(rows).toHaveLength(BOOKINGS);
    for (const { id, phone } of booked) {
      expect(rows.filter((r) => r.appointment_id === id)).toEqual([
        { appointment_id: id, recipient: phone, channel: 'SMS', attempts: 1 },
      ]);
      const requests = twilio.requestsTo(phone);
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({ status: 201, form: { To: phone } });
      expect(requests[0].form.Body).toMatch(
        /^Hello Outage Patient \d+, your appointment with .+ is confirmed for /,
      );
    }
  });
});
