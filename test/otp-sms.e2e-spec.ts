import {
  adminToken,
  createCentre,
  createStaffUser,
  eventually,
  FakeTwilioApi,
  openTestDataSource,
  startTestApi,
  startTestWorker,
  TestApi,
  uniquePhone,
} from '@carebook/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

const SMS_FROM = '+14155550100';

/**
 * Sign-in codes over SMS end to end: the API queues the code, the worker sends it through the
 * real Twilio SDK to the local fake, the code signs in, and the log keeps the provider's id but
 * not the code.
 */
describe('OTP over SMS: send-otp -> worker -> Twilio -> sign-in', () => {
  let twilio: FakeTwilioApi;
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let db: DataSource;
  let admin: string;

  /** The one SMS the fake received for `phone`, and the code in it. */
  const smsTo = (phone: string) =>
    eventually(async () => {
      const requests = twilio.requestsTo(phone);
      expect(requests).toHaveLength(1);
      const code = /\b(\d{6})\b/.exec(requests[0].form.Body)?.[1];
      expect(code).toBeDefined();
      return { request: requests[0], code: code! };
    });
  const logRows = async (phone: string) =>
    db.query(
      `SELECT id, channel, template, status, attempts, provider_message_id, body, sensitive, sent_at
         FROM message_log WHERE recipient = $1 ORDER BY created_at`,
      [phone],
    );

  beforeAll(async () => {
    twilio = await FakeTwilioApi.start();
    const env = {
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_SMS_FROM: SMS_FROM,
      TWILIO_API_BASE_URL: twilio.url,
    };
    worker = await startTestWorker(WorkerModule, { env });
    api = await startTestApi(AppModule, { env });
    db = await openTestDataSource();
    admin = await adminToken(api.http);
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await db?.destroy();
    await twilio?.stop();
  });

  it('a patient gets one SMS with the code, signs in with it, and the log keeps no code', async () => {
    const phone = uniquePhone();
    await api.http.post('/api/v1/patient-auth/send-otp').send({ phone }).expect(202);
    const { request, code } = await smsTo(phone);
    expect(request).toMatchObject({
      method: 'POST',
      path: `/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`,
      form: { To: phone, From: SMS_FROM },
      status: 201,
    });

    const verified = await api.http
      .post('/api/v1/patient-auth/verify-otp')
      .send({ phone, code, fullName: 'Sms Patient' })
      .expect(200);
    const me = await api.http
      .get('/api/v1/patient-auth/me')
      .set('Authorization', `Bearer ${verified.body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({ id: verified.body.patient.id, phone });
    // Single use: the same code again is refused.
    await api.http.post('/api/v1/patient-auth/verify-otp').send({ phone, code }).expect(401);

    const rows = await eventually(async () => {
      const found = await logRows(phone);
      expect(found).toHaveLength(1);
      expect(found[0].status).toBe('SENT');
      return found;
    });
    expect(rows[0]).toMatchObject({
      channel: 'SMS',
      template: 'otp',
      status: 'SENT',
      attempts: 1,
      provider_message_id: request.sid,
      body: '[redacted]',
      sensitive: true,
    });
    expect(JSON.stringify(rows)).not.toContain(code);
    // Sent by SMS, so the development capture (the log channel) never had it.
    const captured = await api.http.get('/api/v1/dev/messages').query({ to: phone }).expect(200);
    expect(captured.body.items).toEqual([]);

    // Staff see the message in the history, with the provider's id and without the code.
    const history = await api.http
      .get('/api/v1/notifications/history')
      .query({ recipient: phone })
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(history.body).toMatchObject({ total: 1 });
    expect(history.body.items[0]).toMatchObject({
      id: rows[0].id,
      to: phone,
      channel: 'SMS',
      template: 'otp',
      status: 'SENT',
      sensitive: true,
      body: null,
      providerMessageId: request.sid,
      sentAt: expect.stringMatching(/Z$/),
    });
    expect(history.text).not.toContain(code);
    const one = await api.http
      .get(`/api/v1/notifications/${rows[0].id}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(one.body).toMatchObject({ body: null, providerMessageId: request.sid });
    expect(one.text).not.toContain(code);
    expect(twilio.requestsTo(phone)).toHaveLength(1); // nothing sent twice
  });

  it('a staff member signs in with a code sent by SMS the same way', async () => {
    const centre = await createCentre(api.http, admin);
    const phone = uniquePhone();
    await createStaffUser(api.http, admin, { phone, centreIds: [centre.id] });
    await api.http.post('/api/v1/auth/send-otp').send({ phone }).expect(202);
    const { request, code } = await smsTo(phone);
    const login = await api.http
      .post('/api/v1/auth/login/phone-otp')
      .send({ phone, code })
      .expect(200);
    expect(login.body.user).toMatchObject({ phone, role: 'FRONT_DESK' });
    const [row] = await eventually(async () => {
      const found = await logRows(phone);
      expect(found.map((r: { status: string }) => r.status)).toEqual(['SENT']);
      return found;
    });
    expect(row).toMatchObject({ provider_message_id: request.sid, body: '[redacted]' });
  });
});
