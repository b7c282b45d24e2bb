import { SetChannelPreference } from '@carebook/notifications';
import {
  adminToken,
  createCentre,
  createClinician,
  CreatedClinician,
  createStaffAndLogin,
  eventually,
  FakeSmtpServer,
  FakeTwilioApi,
  loginClinician,
  openTestDataSource,
  setWeeklySchedule,
  SignedInStaff,
  startTestApi,
  startTestWorker,
  TestApi,
  uniquePhone,
  weeklyRules,
} from '@carebook/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { Job, Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import {
  APPOINTMENT_MESSAGES_QUEUE,
  ConfirmationJob,
  confirmationJobId,
  ReminderJob,
  reminderJobId,
} from '../apps/worker/src/notifications/appointment-messages.queue';
import { WorkerModule } from '../apps/worker/src/worker.module';

const HOUR = 3600_000;
const as = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The zone names the messages use, by UTC offset in minutes (written out, not computed). */
const ZONE_NAMES: Record<string, Record<number, string>> = {
  'Europe/London': { 0: 'GMT', 60: 'BST' },
  'Asia/Kolkata': { 330: 'IST' },
  'America/New_York': { [-300]: 'EST', [-240]: 'EDT' },
};
function centreLocal(at: string, zone: string) {
  const local = DateTime.fromISO(at, { zone }).setLocale('en-GB');
  const name = ZONE_NAMES[zone][local.offset];
  return {
    long: `${local.toFormat("cccc d LLLL yyyy 'at' HH:mm")} ${name}`,
    short: `${local.toFormat('ccc d LLL, HH:mm')} ${name}`,
    time: `${local.toFormat('HH:mm')} ${name}`,
  };
}

interface Site {
  zone: string;
  centre: { id: string; name: string; address: string };
  clinician: CreatedClinician;
  desk: SignedInStaff;
}
interface Patient {
  id: string;
  fullName: string;
  phone: string;
  email: string | null;
}
interface Appointment {
  id: string;
  startsAt: string;
  endsAt: string;
  centreId: string;
}

/**
 * Confirmations and reminders end to end: front-desk bookings over HTTP, the worker's delayed
 * BullMQ jobs, and the real Twilio SDK and nodemailer pointed at local fakes.
 */
describe('Appointment confirmations and reminders (API + worker, Twilio and SMTP on the wire)', () => {
  let twilio: FakeTwilioApi;
  let smtp: FakeSmtpServer;
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let db: DataSource;
  let admin: string;
  let london: Site;
  let kolkata: Site;
  let newYork: Site;

  const jobs = () =>
    worker.get<Queue<ConfirmationJob | ReminderJob>>(getQueueToken(APPOINTMENT_MESSAGES_QUEUE));
  const reminder = (lead: '24h' | '1h', a: Appointment) =>
    jobs().getJob(reminderJobId(lead, a.id, a.startsAt)) as Promise<Job<ReminderJob> | undefined>;
  const scheduledReminders = (a: Appointment) =>
    eventually(async () => {
      const found = await Promise.all([reminder('24h', a), reminder('1h', a)]);
      for (const job of found) expect(await job?.getState()).toBe('delayed');
      return found as Job<ReminderJob>[];
    });
  const logged = async (appointmentId: string) =>
    (await db.query(
      `SELECT recipient, channel, template, status, centre_id, patient_id, idempotency_key
         FROM message_log WHERE appointment_id = $1 ORDER BY created_at, recipient`,
      [appointmentId],
    )) as Array<Record<string, string>>;

  async function site(zone: string): Promise<Site> {
    const address = `${randomInt(1, 200)} Test Street`;
    const name = `carebook ${zone.split('/')[1]} ${randomInt(1e6)}`;
    const centre = await createCentre(api.http, admin, { timeZone: zone, name, address });
    const clinician = await createClinician(api.http, admin, {
      primaryCentreId: centre.id,
      fullName: `Dr. Meera Iyer ${randomInt(1e6)}`,
    });
    const days = [0, 1, 2, 3, 4, 5, 6];
    await setWeeklySchedule(
      api.http,
      admin,
      clinician,
      weeklyRules(centre.id, { startTime: '00:00', endTime: '24:00', days }),
    );
    const desk = await createStaffAndLogin(api.http, admin, {
      role: 'FRONT_DESK',
      centreIds: [centre.id],
    });
    return { zone, centre: { id: centre.id, name, address }, clinician, desk };
  }

  async function patientOf(s: Site, options: { email?: boolean } = {}): Promise<Patient> {
    const body = {
      fullName: `Asha Rao ${randomInt(1e6)}`,
      phone: uniquePhone(),
      emergencyContacts: [],
      ...(options.email !== false && { email: `asha.${randomUUID()}@carebook.example` }),
    };
    const res = await api.http.post('/api/v1/patients').set(as(s.desk.token)).send(body);
    expect(res.body).toMatchObject({ fullName: body.fullName });
    return {
      id: res.body.id,
      fullName: body.fullName,
      phone: body.phone,
      email: body.email ?? null,
    };
  }

  /** The first free slot at least `hoursAhead` from now. */
  async function freeSlot(s: Site, hoursAhead: number): Promise<string> {
    const today = DateTime.now().setZone(s.zone);
    const res = await api.http
      .get(`/api/v1/clinicians/${s.clinician.id}/slots`)
      .query({ from: today.toISODate(), to: today.plus({ days: 3 }).toISODate() })
      .expect(200);
    const slot = (res.body.items as Array<{ startsAt: string }>).find(
      (item) => Date.parse(item.startsAt) >= Date.now() + hoursAhead * HOUR,
    );
    if (!slot) throw new Error('no free slot');
    return slot.startsAt;
  }

  async function book(s: Site, patient: Patient, hoursAhead = 25): Promise<Appointment> {
    const res = await api.http
      .post('/api/v1/booking/front-desk')
      .set(as(s.desk.token))
      .send({
        patientId: patient.id,
        clinicianId: s.clinician.id,
        centreId: s.centre.id,
        startsAt: await freeSlot(s, hoursAhead),
        sessionType: 'IN_PERSON',
        source: 'FRONT_DESK',
      })
      .expect(201);
    expect(res.body.status).toBe('CONFIRMED');
    return res.body as Appointment;
  }

  const confirmationText = (s: Site, p: Patient, startsAt: string) =>
    `Hello ${p.fullName}, your appointment with ${s.clinician.fullName} is confirmed for ` +
    `${centreLocal(startsAt, s.zone).long}, at ${s.centre.name} (${s.centre.address}).`;

  beforeAll(async () => {
    [twilio, smtp] = await Promise.all([FakeTwilioApi.start(), FakeSmtpServer.start()]);
    const env = {
      RATE_LIMIT_PER_MINUTE: '100000',
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_SMS_FROM: '+14155550100',
      TWILIO_WHATSAPP_FROM: 'whatsapp:+14155550101',
      TWILIO_API_BASE_URL: twilio.url,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'carebook <no-reply@carebook.example>',
    };
    worker = await startTestWorker(WorkerModule, { env });
    api = await startTestApi(AppModule, { env });
    db = await openTestDataSource();
    admin = await adminToken(api.http);
    [london, kolkata, newYork] = await Promise.all([
      site('Europe/London'),
      site('Asia/Kolkata'),
      site('America/New_York'),
    ]);
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await db?.destroy();
    await Promise.all([twilio?.stop(), smtp?.stop()]);
  });

  it('confirms a booking for tomorrow by SMS and by e-mail with an .ics, and schedules both reminders', async () => {
    const patient = await patientOf(london);
    const before = Date.now();
    const appointment = await book(london, patient);
    const [day, hour] = await scheduledReminders(appointment);
    const after = Date.now();
    const start = Date.parse(appointment.startsAt);
    expect(day.id).toBe(`reminder-24h-${appointment.id}-${start}`);
    expect(hour.id).toBe(`reminder-1h-${appointment.id}-${start}`);
    for (const [job, lead, leadMs] of [
      [day, '24h', 24 * HOUR],
      [hour, '1h', HOUR],
    ] as const) {
      expect(job.data).toMatchObject({
        appointmentId: appointment.id,
        lead,
        startsAt: appointment.startsAt,
        remindAt: new Date(start - leadMs).toISOString(),
      });
      // Due exactly `lead` before the start: the delay was measured from a moment of the booking.
      expect(start - leadMs - job.delay).toBeGreaterThanOrEqual(before);
      expect(start - leadMs - job.delay).toBeLessThanOrEqual(after);
      expect(job.opts).toMatchObject({
        attempts: 8,
        backoff: { type: 'exponential', delay: 2000 },
      });
    }

    const text = confirmationText(london, patient, appointment.startsAt);
    await eventually(async () => {
      expect(twilio.requestsTo(patient.phone)).toHaveLength(1);
      expect(smtp.mailTo(patient.email!)).toHaveLength(1);
    });
    expect(twilio.requestsTo(patient.phone)[0]).toMatchObject({
      status: 201,
      form: { To: patient.phone, From: '+14155550100', Body: text },
    });
    const [mail] = smtp.mailTo(patient.email!);
    expect(mail.subject).toBe(
      `Appointment confirmed: ${london.clinician.fullName}, ${centreLocal(appointment.startsAt, london.zone).short}`,
    );
    expect(mail.text?.trim()).toBe(text);
    expect(mail.html).toContain(centreLocal(appointment.startsAt, london.zone).long);
    const ics = mail.attachments[0].content.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`UID:${appointment.id}@carebook`);
    const utc = (iso: string) =>
      DateTime.fromISO(iso, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
    expect(ics).toContain(`DTSTART:${utc(appointment.startsAt)}`);
    expect(ics).toContain(`DTEND:${utc(appointment.endsAt)}`);
    await eventually(async () =>
      expect(await logged(appointment.id)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ recipient: patient.phone, channel: 'SMS', status: 'SENT' }),
          expect.objectContaining({ recipient: patient.email, channel: 'EMAIL', status: 'SENT' }),
        ]),
      ),
    );
    const rows = await logged(appointment.id);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({
        template: 'appointment-confirmation',
        centre_id: london.centre.id,
        patient_id: patient.id,
      });
    }
  });

  it('moves both reminders when the appointment is rescheduled (and confirms the new time), and removes them when it is cancelled', async () => {
    const patient = await patientOf(london, { email: false });
    const appointment = await book(london, patient, 26);
    await scheduledReminders(appointment);
    await eventually(async () => expect(twilio.requestsTo(patient.phone)).toHaveLength(1));

    const later = await freeSlot(london, 30);
    const moved = await api.http
      .put(`/api/v1/appointments/${appointment.id}`)
      .set(as(london.desk.token))
      .send({ startsAt: later })
      .expect(200);
    const rescheduled = moved.body as Appointment;
    expect(rescheduled.startsAt).toBe(later);
    const [day, hour] = await scheduledReminders(rescheduled);
    expect(day.data.remindAt).toBe(new Date(Date.parse(later) - 24 * HOUR).toISOString());
    expect(hour.data.remindAt).toBe(new Date(Date.parse(later) - HOUR).toISOString());
    expect(await reminder('24h', appointment)).toBeUndefined();
    expect(await reminder('1h', appointment)).toBeUndefined();
    await eventually(async () => expect(twilio.requestsTo(patient.phone)).toHaveLength(2));
    expect(twilio.requestsTo(patient.phone).map((r) => r.form.Body)).toEqual([
      confirmationText(london, patient, appointment.startsAt),
      confirmationText(london, patient, later),
    ]);

    await api.http
      .delete(`/api/v1/appointments/${appointment.id}`)
      .set(as(london.desk.token))
      .expect(200);
    await eventually(async () => {
      expect(await reminder('24h', rescheduled)).toBeUndefined();
      expect(await reminder('1h', rescheduled)).toBeUndefined();
    });
  });

  it('sends a due reminder with the centre-local time (Kolkata by SMS and e-mail, New York by preferred WhatsApp), once even when its job runs twice', async () => {
    const indian = await patientOf(kolkata);
    const american = await patientOf(newYork, { email: false });
    await api.app.get(CommandBus).execute(new SetChannelPreference(american.phone, 'WHATSAPP'));
    const inKolkata = await book(kolkata, indian);
    const inNewYork = await book(newYork, american);
    const [dayBefore] = await scheduledReminders(inKolkata);
    const [, hourBefore] = await scheduledReminders(inNewYork);
    await eventually(async () => {
      expect(twilio.requestsTo(indian.phone)).toHaveLength(1);
      expect(smtp.mailTo(indian.email!)).toHaveLength(1);
      expect(twilio.requestsTo(american.phone)).toHaveLength(1);
    });

    await dayBefore.promote(); // as if the day before had come
    await hourBefore.promote();
    await eventually(async () => {
      expect(twilio.requestsTo(indian.phone)).toHaveLength(2);
      expect(smtp.mailTo(indian.email!)).toHaveLength(2);
      expect(twilio.requestsTo(american.phone)).toHaveLength(2);
    });
    const kolkataTime = centreLocal(inKolkata.startsAt, kolkata.zone);
    expect(twilio.requestsTo(indian.phone)[1].form).toMatchObject({
      To: indian.phone,
      Body:
        `Hello ${indian.fullName}, a reminder of your appointment with ${kolkata.clinician.fullName} on ` +
        `${kolkataTime.long}, at ${kolkata.centre.name} (${kolkata.centre.address}).`,
    });
    expect(kolkataTime.long).toMatch(/ IST$/);
    expect(smtp.mailTo(indian.email!)[1].subject).toBe(
      `Reminder: ${kolkata.clinician.fullName}, ${kolkataTime.short}`,
    );
    const newYorkTime = centreLocal(inNewYork.startsAt, newYork.zone);
    expect(newYorkTime.time).toMatch(/ E[SD]T$/);
    expect(twilio.requestsTo(american.phone).map((r) => r.form)).toEqual([
      expect.objectContaining({
        To: `whatsapp:${american.phone}`,
        Body: confirmationText(newYork, american, inNewYork.startsAt),
      }),
      expect.objectContaining({
        To: `whatsapp:${american.phone}`,
        From: 'whatsapp:+14155550101',
        Body:
          `Hello ${american.fullName}, your appointment with ${newYork.clinician.fullName} starts soon, ` +
          `at ${newYorkTime.time}, at ${newYork.centre.name} (${newYork.centre.address}).`,
      }),
    ]);

    // The same jobs again (a retry after a crash would look the same): no new message.
    const confirmation = (await jobs().getJob(
      (await jobs().getCompleted()).find(
        (j) => j.name === 'confirmation' && j.data.appointmentId === inKolkata.id,
      )!.id!,
    ))!;
    expect(confirmation.id).toBe(
      confirmationJobId(inKolkata.id, (confirmation.data as ConfirmationJob).eventId),
    );
    const ranBefore = new Map<string, number>();
    for (const job of [
      confirmation,
      (await reminder('24h', inKolkata))!,
      (await reminder('1h', inNewYork))!,
    ]) {
      expect(await job.getState()).toBe('completed');
      ranBefore.set(job.id!, job.processedOn!);
      await job.retry('completed');
    }
    await eventually(async () => {
      for (const [id, processedOn] of ranBefore) {
        const job = (await jobs().getJob(id))!;
        expect(await job.getState()).toBe('completed');
        expect(job.processedOn).toBeGreaterThan(processedOn);
      }
    });
    expect(await logged(inKolkata.id)).toHaveLength(4);
    expect(await logged(inNewYork.id)).toHaveLength(2);
    expect(twilio.requestsTo(indian.phone)).toHaveLength(2);
    expect(smtp.mailTo(indian.email!)).toHaveLength(2);
    expect(twilio.requestsTo(american.phone)).toHaveLength(2);
  });

  describe('resend routes', () => {
    it('send the confirmation and a reminder again on request of staff of the centre (202 with the message ids)', async () => {
      const patient = await patientOf(london);
      const appointment = await book(london, patient);
      await eventually(async () => expect(twilio.requestsTo(patient.phone)).toHaveLength(1));
      const coordinator = await createStaffAndLogin(api.http, admin, {
        role: 'CARE_COORDINATOR',
        centreIds: [london.centre.id],
      });

      const again = await api.http
        .post('/api/v1/notifications/appointment-confirmation')
        .set(as(coordinator.token))
        .send({ appointmentId: appointment.id })
        .expect(202);
      expect(again.body).toEqual({
        appointmentId: appointment.id,
        messageIds: [expect.any(String), expect.any(String)],
      });
      const reminded = await api.http
        .post('/api/v1/notifications/appointment-reminder')
        .set(as(admin))
        .send({ appointmentId: appointment.id })
        .expect(202);
      expect(reminded.body.messageIds).toHaveLength(2);

      await eventually(async () => {
        expect(twilio.requestsTo(patient.phone)).toHaveLength(3);
        expect(smtp.mailTo(patient.email!)).toHaveLength(3);
      });
      const bodies = twilio.requestsTo(patient.phone).map((r) => r.form.Body);
      expect(bodies[1]).toBe(confirmationText(london, patient, appointment.startsAt));
      expect(bodies[2]).toMatch(
        new RegExp(`^Hello ${patient.fullName}, a reminder of your appointment`),
      );
      const ids = (await logged(appointment.id)).map((r) => r.idempotency_key);
      expect(new Set(ids).size).toBe(6);
    });

    it("answer 404 for another centre's or an unknown appointment, 409 for a cancelled one, 403 for a clinician", async () => {
      const patient = await patientOf(kolkata, { email: false });
      const appointment = await book(kolkata, patient);
      for (const path of ['appointment-confirmation', 'appointment-reminder']) {
        const route = `/api/v1/notifications/${path}`;
        const foreign = await api.http
          .post(route)
          .set(as(london.desk.token))
          .send({ appointmentId: appointment.id })
          .expect(404);
        expect(foreign.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
        await api.http
          .post(route)
          .set(as(kolkata.desk.token))
          .send({ appointmentId: randomUUID() })
          .expect(404);
        await api.http
          .post(route)
          .set(as(kolkata.desk.token))
          .send({ appointmentId: 'nope' })
          .expect(400);
        const clinician = await loginClinician(api.http, kolkata.clinician);
        await api.http
          .post(route)
          .set(as(clinician))
          .send({ appointmentId: appointment.id })
          .expect(403);
      }
      await api.http
        .delete(`/api/v1/appointments/${appointment.id}`)
        .set(as(kolkata.desk.token))
        .expect(200);
      for (const path of ['appointment-confirmation', 'appointment-reminder']) {
        const res = await api.http
          .post(`/api/v1/notifications/${path}`)
          .set(as(kolkata.desk.token))
          .send({ appointmentId: appointment.id })
          .expect(409);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({ status: 409, code: 'APPOINTMENT_CANCELLED' });
      }
    });
  });
});
