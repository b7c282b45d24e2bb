import { OutboxPublisher, UnitOfWork } from '@carebook/core';
import { MessageQueued, SendMessage, SendMessageInput } from '@carebook/notifications';
import {
  adminToken,
  createCentre,
  createStaffAndLogin,
  eventually,
  FakeTwilioApi,
  openTestDataSource,
  startTestApi,
  startTestWorker,
  TestApi,
  uniquePhone,
  publishAsRelay,
} from '@carebook/testing';
import SwaggerParser from '@apidevtools/swagger-parser';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

const CALLBACK_URL = 'https://carebook.example/api/v1/notifications/webhooks/twilio';
const HISTORY = '/api/v1/notifications/history';
const STATS = '/api/v1/notifications/stats';
const SECRET_CODE = '135790';

type Item = { id: string; body: string | null; sensitive: boolean };

/**
 * The message log's read side: history with filters and paging, stats, one message, who sees
 * what. Messages are made with SendMessage (about a centre, patient, appointment); some are
 * delivered through the real Twilio SDK to the fake, the rest stay PENDING; then they are
 * moved to fixed days so the figures are exact.
 */
describe('Notifications: history, stats and one message', () => {
  let twilio: FakeTwilioApi;
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let db: DataSource;
  let admin: string;
  let manager: string;
  let centreManagerB: string;
  let frontDeskA: string;
  let clinicianA: string;
  let centreA: string;
  let centreB: string;
  const patients: Record<'p1' | 'p2', { id: string; token: string; phone: string }> = {} as never;
  const m: Record<string, string> = {};
  const appointmentId = randomUUID();
  const email = `history.${randomUUID().slice(0, 8)}@example.com`;

  const get = (http: TestAgent, path: string, token: string, query: Record<string, unknown> = {}) =>
    http.get(path).query(query).set('Authorization', `Bearer ${token}`);
  const ids = (body: { items: Item[] }) => body.items.map((i) => i.id);

  /** Queued with nothing relayed (stays PENDING) unless `deliver`: then this worker sends it. */
  const send = async (input: Partial<SendMessageInput> & { to: string }, deliver = false) => {
    const messageId = await api.app.get(UnitOfWork).run(async (manager) => {
      const { messageId: id } = await api.app
        .get(CommandBus)
        .execute(new SendMessage({ template: 'welcome', body: 'Hello from carebook.', ...input }));
      await manager.query(`UPDATE outbox SET published_at = now() WHERE aggregate_id = $1`, [id]);
      return id;
    });
    if (deliver)
      await publishAsRelay(worker.get(OutboxPublisher), new MessageQueued(messageId, new Date()));
    return messageId;
  };
  const statusOf = async (id: string) =>
    (await db.query(`SELECT status FROM message_log WHERE id = $1`, [id]))[0].status as string;
  const signInBySms = async (phone: string) => {
    await api.http.post('/api/v1/patient-auth/send-otp').send({ phone }).expect(202);
    const code = await eventually(async () => {
      const [sms] = twilio.requestsTo(phone);
      expect(sms?.form.Body).toMatch(/\b\d{6}\b/);
      return /\b(\d{6})\b/.exec(sms.form.Body)![1];
    });
    const res = await api.http
      .post('/api/v1/patient-auth/verify-otp')
      .send({ phone, code })
      .expect(200);
    return { id: res.body.patient.id as string, token: res.body.accessToken as string, phone };
  };

  beforeAll(async () => {
    twilio = await FakeTwilioApi.start();
    const env = {
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_SMS_FROM: '+14155550100',
      TWILIO_API_BASE_URL: twilio.url,
      TWILIO_STATUS_CALLBACK_URL: CALLBACK_URL,
    };
    worker = await startTestWorker(WorkerModule, { env });
    api = await startTestApi(AppModule, { env });
    db = await openTestDataSource();
    admin = await adminToken(api.http);
    [centreA, centreB] = (
      await Promise.all([createCentre(api.http, admin), createCentre(api.http, admin)])
    ).map((c) => c.id);
    manager = (await createStaffAndLogin(api.http, admin, { role: 'MANAGER' })).token;
    centreManagerB = (
      await createStaffAndLogin(api.http, admin, { role: 'CENTRE_MANAGER', centreIds: [centreB] })
    ).token;
    frontDeskA = (await createStaffAndLogin(api.http, admin, { centreIds: [centreA] })).token;
    clinicianA = (
      await createStaffAndLogin(api.http, admin, { role: 'CLINICIAN', centreIds: [centreA] })
    ).token;
    patients.p1 = await signInBySms(uniquePhone());
    patients.p2 = await signInBySms(uniquePhone());
    const { p1, p2 } = patients;

    const invalid = uniquePhone();
    twilio.answerTo(invalid, FakeTwilioApi.INVALID_TO);
    m.reminder = await send(
      {
        to: p1.phone,
        template: 'appointment-reminder',
        body: 'See you tomorrow at 10:00.',
        about: { centreId: centreA, patientId: p1.id, appointmentId },
      },
      true,
    );
    m.failed = await send(
      { to: invalid, template: 'appointment-confirmation', about: { centreId: centreA } },
      true,
    );
    m.log = await send({
      to: email,
      channel: 'LOG',
      template: 'payment-link',
      body: 'Pay here.',
      about: { centreId: centreA, patientId: p2.id },
    });
    m.otp = await send({
      to: p1.phone,
      template: 'otp',
      body: `Your code is ${SECRET_CODE}.`,
      sensitive: true,
      about: { centreId: centreA, patientId: p1.id },
    });
    m.centreB = await send({
      to: uniquePhone(),
      template: 'appointment-reminder',
      about: { centreId: centreB },
    });
    m.noCentre = await send({ to: uniquePhone(), template: 'welcome' });
    await eventually(async () => {
      expect(await statusOf(m.reminder)).toBe('SENT');
      expect(await statusOf(m.failed)).toBe('FAILED');
    });
    // The provider reports the reminder delivered (a signed status callback).
    const sid = twilio.requestsTo(p1.phone).at(-1)!.sid!;
    const callback = twilio.statusCallback(CALLBACK_URL, sid, 'delivered');
    await api.http
      .post('/api/v1/notifications/webhooks/twilio')
      .set('X-Twilio-Signature', callback.signature)
      .type('form')
      .send(callback.form)
      .expect((res) => expect(res.status).toBeLessThan(300));
    // Fixed moments (UTC): two on Jan 10 (one of them Jan 11 in India), one each on Jan 11 and 12.
    const at: Array<[string, string]> = [
      [m.failed, '2026-01-10T10:00:00Z'],
      [m.reminder, '2026-01-10T20:00:00Z'],
      [m.log, '2026-01-11T10:00:00Z'],
      [m.otp, '2026-01-12T10:00:00Z'],
    ];
    for (const [id, createdAt] of at) {
      await db.query(`UPDATE message_log SET created_at = $2 WHERE id = $1`, [id, createdAt]);
    }
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await db?.destroy();
    await twilio?.stop();
  });

  it("lists a centre's messages newest first, with paging like every list", async () => {
    const all = await get(api.http, HISTORY, admin, { centreId: centreA }).expect(200);
    expect(all.body).toMatchObject({ page: 1, limit: 20, total: 4 });
    expect(ids(all.body)).toEqual([m.otp, m.log, m.reminder, m.failed]);
    const page2 = await get(api.http, HISTORY, admin, {
      centreId: centreA,
      limit: 3,
      page: 2,
    }).expect(200);
    expect(page2.body).toEqual({
      items: [expect.objectContaining({ id: m.failed })],
      page: 2,
      limit: 3,
      total: 4,
    });
    const past = await get(api.http, HISTORY, admin, {
      centreId: centreA,
      limit: 3,
      page: 5,
    }).expect(200);
    expect(past.body).toEqual({ items: [], page: 5, limit: 3, total: 4 });
    await get(api.http, HISTORY, admin, { limit: 101 }).expect(400);
  });

  it('answers a message with its delivery record and what it is about', async () => {
    const res = await get(api.http, `/api/v1/notifications/${m.reminder}`, admin).expect(200);
    const sms = twilio.requestsTo(patients.p1.phone).at(-1)!;
    expect(res.body).toEqual({
      id: m.reminder,
      to: patients.p1.phone,
      channel: 'SMS',
      template: 'appointment-reminder',
      subject: null,
      body: 'See you tomorrow at 10:00.',
      sensitive: false,
      status: 'SENT',
      attempts: 1,
      providerMessageId: sms.sid,
      lastError: null,
      deliveryStatus: 'DELIVERED',
      deliveryErrorCode: null,
      deliveryUpdatedAt: expect.stringMatching(/Z$/),
      centreId: centreA,
      patientId: patients.p1.id,
      appointmentId,
      createdAt: '2026-01-10T20:00:00.000Z',
      sentAt: expect.stringMatching(/Z$/),
    });
    const failed = await get(api.http, `/api/v1/notifications/${m.failed}`, admin).expect(200);
    expect(failed.body).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      sentAt: null,
      lastError: expect.any(String),
    });
    await get(api.http, `/api/v1/notifications/${randomUUID()}`, admin).expect(404);
    const notUuid = await get(api.http, '/api/v1/notifications/not-a-uuid', admin).expect(404);
    expect(notUuid.body.code).toBe('NOT_FOUND');
  });

  it('filters by channel, status, delivery status, template, recipient, patient, appointment and period', async () => {
    const cases: Array<[Record<string, string>, string[]]> = [
      [{ channel: 'LOG' }, [m.log]],
      [{ channel: 'SMS' }, [m.otp, m.reminder, m.failed]],
      [{ status: 'FAILED' }, [m.failed]],
      [{ status: 'PENDING' }, [m.otp, m.log]],
      [{ deliveryStatus: 'DELIVERED' }, [m.reminder]],
      [{ template: 'appointment-reminder' }, [m.reminder]],
      [{ recipient: email }, [m.log]],
      [{ patientId: patients.p1.id }, [m.otp, m.reminder]],
      [{ appointmentId }, [m.reminder]],
      [{ from: '2026-01-11', to: '2026-01-11' }, [m.log]],
      [{ from: '2026-01-10T12:00:00Z', to: '2026-01-12T10:00:00Z' }, [m.log, m.reminder]],
      [{ from: '2026-01-11T00:00:00+05:30' }, [m.otp, m.log, m.reminder]],
    ];
    for (const [filter, expected] of cases) {
      const res = await get(api.http, HISTORY, admin, { centreId: centreA, ...filter }).expect(200);
      expect({ filter, ids: ids(res.body), total: res.body.total }).toEqual({
        filter,
        ids: expected,
        total: expected.length,
      });
    }
    // A phone in any common notation finds the E.164 recipient.
    const national = patients.p1.phone.replace(/^\+91(\d{5})(\d{5})$/, '$1 $2');
    const byPhone = await get(api.http, HISTORY, admin, {
      recipient: national,
      template: 'appointment-reminder',
    }).expect(200);
    expect(ids(byPhone.body)).toEqual([m.reminder]);
    for (const bad of [
      { channel: 'FAX' },
      { status: 'LOST' },
      { from: 'yesterday' },
      { to: '2026-02-30' },
      { centreId: 'x' },
      { recipient: 'nobody' },
      { colour: 'red' },
    ]) {
      const res = await get(api.http, HISTORY, admin, bad).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('counts by channel, status, delivery report and day, in UTC or a given zone', async () => {
    const utc = await get(api.http, STATS, admin, {
      centreId: centreA,
      from: '2026-01-10',
      to: '2026-01-12',
    }).expect(200);
    expect(utc.body).toEqual({
      from: '2026-01-10T00:00:00.000Z',
      to: '2026-01-13T00:00:00.000Z',
      tz: 'UTC',
      centreId: centreA,
      total: 4,
      byChannel: { SMS: 3, WHATSAPP: 0, EMAIL: 0, LOG: 1 },
      byStatus: { PENDING: 2, SENT: 1, FAILED: 1 },
      byDeliveryStatus: { DELIVERED: 1, READ: 0, UNDELIVERED: 0, FAILED: 0 },
      byDay: [
        { date: '2026-01-10', total: 2, PENDING: 0, SENT: 1, FAILED: 1 },
        { date: '2026-01-11', total: 1, PENDING: 1, SENT: 0, FAILED: 0 },
        { date: '2026-01-12', total: 1, PENDING: 1, SENT: 0, FAILED: 0 },
      ],
    });
    // In India the reminder (20:00 UTC) falls on Jan 11; the dates bound India's days.
    const india = await get(api.http, STATS, admin, {
      centreId: centreA,
      from: '2026-01-10',
      to: '2026-01-13',
      tz: 'Asia/Kolkata',
    }).expect(200);
    expect(india.body).toMatchObject({
      from: '2026-01-09T18:30:00.000Z',
      to: '2026-01-13T18:30:00.000Z',
      tz: 'Asia/Kolkata',
      total: 4,
    });
    expect(india.body.byDay).toEqual([
      { date: '2026-01-10', total: 1, PENDING: 0, SENT: 0, FAILED: 1 },
      { date: '2026-01-11', total: 2, PENDING: 1, SENT: 1, FAILED: 0 },
      { date: '2026-01-12', total: 1, PENDING: 1, SENT: 0, FAILED: 0 },
      { date: '2026-01-13', total: 0, PENDING: 0, SENT: 0, FAILED: 0 },
    ]);
    // Instants bound the period exactly: [10:00 Jan 10, 10:00 Jan 12) holds three.
    const instants = await get(api.http, STATS, admin, {
      centreId: centreA,
      from: '2026-01-10T10:00:00Z',
      to: '2026-01-12T10:00:00Z',
    }).expect(200);
    expect(instants.body).toMatchObject({ total: 3, byStatus: { PENDING: 1, SENT: 1, FAILED: 1 } });
    // By default, the last 7 days: centre B's message was made just now.
    const recent = await get(api.http, STATS, admin, { centreId: centreB }).expect(200);
    expect(recent.body).toMatchObject({
      total: 1,
      byStatus: { PENDING: 1 },
      byChannel: { SMS: 1 },
    });
    expect(recent.body.byDay.length).toBeGreaterThanOrEqual(7);
    for (const bad of [
      { from: '2026-01-12', to: '2026-01-10' },
      { from: '2024-01-01', to: '2026-01-10' },
      { tz: 'Mars/Olympus' },
    ]) {
      const res = await get(api.http, STATS, admin, bad).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it("scopes staff to their centres: another centre's message is 404 and missing from history and stats", async () => {
    await get(api.http, `/api/v1/notifications/${m.reminder}`, centreManagerB).expect(404);
    await get(api.http, `/api/v1/notifications/${m.noCentre}`, centreManagerB).expect(404);
    await get(api.http, `/api/v1/notifications/${m.centreB}`, centreManagerB).expect(200);
    const mine = await get(api.http, HISTORY, centreManagerB).expect(200);
    expect(ids(mine.body)).toEqual([m.centreB]);
    const asked = await get(api.http, HISTORY, centreManagerB, { centreId: centreA }).expect(200);
    expect(asked.body).toMatchObject({ items: [], total: 0 });
    const stats = await get(api.http, STATS, centreManagerB, {
      centreId: centreA,
      from: '2026-01-10',
      to: '2026-01-12',
    }).expect(200);
    expect(stats.body).toMatchObject({ total: 0, byStatus: { PENDING: 0, SENT: 0, FAILED: 0 } });
    const everything = await get(api.http, STATS, centreManagerB, {
      from: '2026-01-10',
      to: '2026-01-12',
    }).expect(200);
    expect(everything.body.total).toBe(0);

    await get(api.http, `/api/v1/notifications/${m.reminder}`, frontDeskA).expect(200);
    await get(api.http, `/api/v1/notifications/${m.centreB}`, frontDeskA).expect(404);
    await get(api.http, `/api/v1/notifications/${m.noCentre}`, frontDeskA).expect(404);
    const desk = await get(api.http, HISTORY, frontDeskA).expect(200);
    expect(ids(desk.body)).toEqual([m.otp, m.log, m.reminder, m.failed]);
    // ADMIN and MANAGER see messages about no centre.
    await get(api.http, `/api/v1/notifications/${m.noCentre}`, manager).expect(200);
    await get(api.http, `/api/v1/notifications/${m.noCentre}`, admin).expect(200);
  });

  it('refuses CLINICIAN with 403 and anonymous callers with 401', async () => {
    for (const path of [HISTORY, STATS, `/api/v1/notifications/${m.reminder}`]) {
      const res = await get(api.http, path, clinicianA).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await api.http.get(path).expect(401);
    }
  });

  it('shows a patient their own messages only, and no stats', async () => {
    const { p1, p2 } = patients;
    const own = await get(api.http, HISTORY, p1.token).expect(200);
    expect(ids(own.body)).toEqual([m.otp, m.reminder]);
    // Other filters only narrow: asking for someone else's gets nothing.
    const other = await get(api.http, HISTORY, p1.token, { patientId: p2.id }).expect(200);
    expect(other.body).toMatchObject({ items: [], total: 0 });
    await get(api.http, `/api/v1/notifications/${m.reminder}`, p1.token).expect(200);
    await get(api.http, `/api/v1/notifications/${m.log}`, p1.token).expect(404);
    await get(api.http, `/api/v1/notifications/${m.log}`, p2.token).expect(200);
    await get(api.http, `/api/v1/notifications/${m.failed}`, p1.token).expect(404);
    await get(api.http, STATS, p1.token).expect(403);
  });

  it('never returns the body of a sensitive message, to anyone, delivered or not', async () => {
    // Still PENDING, so the code is still in the row: only the answers leave it out.
    const [row] = await db.query(`SELECT body FROM message_log WHERE id = $1`, [m.otp]);
    expect(row.body).toContain(SECRET_CODE);
    for (const token of [admin, frontDeskA, patients.p1.token]) {
      const one = await get(api.http, `/api/v1/notifications/${m.otp}`, token).expect(200);
      expect(one.body).toMatchObject({ id: m.otp, template: 'otp', sensitive: true, body: null });
      const list = await get(api.http, HISTORY, token, { centreId: centreA }).expect(200);
      expect(list.body.items.find((i: Item) => i.id === m.otp)).toMatchObject({
        sensitive: true,
        body: null,
      });
      expect(list.text).not.toContain(SECRET_CODE);
    }
    // The sign-in codes sent by SMS concern nobody yet: ADMIN sees them, without the code.
    const codes = await get(api.http, HISTORY, admin, {
      recipient: patients.p1.phone,
      template: 'otp',
    }).expect(200);
    const signIn = codes.body.items.find((i: Item) => i.id !== m.otp);
    expect(signIn).toMatchObject({
      status: 'SENT',
      sensitive: true,
      body: null,
      centreId: null,
      patientId: null,
    });
    expect(codes.text).not.toMatch(
      new RegExp(/\b(\d{6})\b/.exec(twilio.requestsTo(patients.p1.phone)[0].form.Body)![1]),
    );
  });
  it('is documented in the OpenAPI document, with who may call each route', async () => {
    const doc = (await api.http.get('/docs-json').expect(200)).body;
    await SwaggerParser.validate(structuredClone(doc));
    const history = doc.paths['/api/v1/notifications/history'].get;
    const stats = doc.paths['/api/v1/notifications/stats'].get;
    const one = doc.paths['/api/v1/notifications/{id}'].get;
    expect(history.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'page',
        'limit',
        'channel',
        'status',
        'deliveryStatus',
        'template',
        'recipient',
        'patientId',
        'appointmentId',
        'centreId',
        'from',
        'to',
      ]),
    );
    expect(stats.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'centreId',
      'from',
      'to',
      'tz',
    ]);
    expect(history.description).toContain(
      '**Who may call:** ADMIN, MANAGER, CENTRE_MANAGER, FRONT_DESK, CARE_COORDINATOR, PATIENT.',
    );
    expect(one.description).toContain('PATIENT.');
    expect(stats.description).toContain(
      '**Who may call:** ADMIN, MANAGER, CENTRE_MANAGER, FRONT_DESK, CARE_COORDINATOR.',
    );
    expect(doc.components.schemas.MessageDto.properties.body).toMatchObject({ nullable: true });
  });
});
