import { OutboxPublisher, UnitOfWork } from '@carebook/core';
import {
  appointmentConfirmationMessage,
  MessageQueued,
  SendMessage,
  SendMessageInput,
  SetChannelPreference,
} from '@carebook/notifications';
import {
  eventually,
  FakeSmtpServer,
  FakeTwilioApi,
  openTestDataSource,
  startTestApi,
  startTestWorker,
  TestApi,
  uniquePhone,
  publishAsRelay,
} from '@carebook/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { NOTIFICATIONS_QUEUE } from '../apps/worker/src/notifications/notifications.queue';
import { WorkerModule } from '../apps/worker/src/worker.module';

const SMS_FROM = '+14155550100';
const WHATSAPP_FROM = '+14155550101';
const CALLBACK_URL = 'https://carebook.example/api/v1/notifications/webhooks/twilio';
const WEBHOOK = '/api/v1/notifications/webhooks/twilio';

/**
 * The real Twilio SDK and nodemailer, pointed at local fakes on ephemeral loopback ports:
 * every assertion is on what the providers received over the wire.
 */
describe('Channels on the wire: Twilio SMS/WhatsApp and SMTP e-mail', () => {
  let twilio: FakeTwilioApi;
  let smtp: FakeSmtpServer;
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let db: DataSource;
  const startupLines: string[] = [];

  // Queued and marked published in one transaction, so no relay of a parallel suite (whose
  // worker has no providers) takes the event; this worker's own handler enqueues it.
  const send = async (input: Partial<SendMessageInput> & { to: string }) => {
    const messageId = await api.app.get(UnitOfWork).run(async (manager) => {
      const { messageId: id } = await api.app
        .get(CommandBus)
        .execute(new SendMessage({ template: 'welcome', body: 'Hello from carebook.', ...input }));
      await manager.query(`UPDATE outbox SET published_at = now() WHERE aggregate_id = $1`, [id]);
      return id;
    });
    await publishAsRelay(worker.get(OutboxPublisher), new MessageQueued(messageId, new Date()));
    return messageId;
  };
  const queue = () => worker.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE));
  const settled = (messageId: string, state: 'completed' | 'failed') =>
    eventually(async () => expect(await queue().getJobState(messageId)).toBe(state));
  const row = async (id: string) =>
    (
      await db.query(
        `SELECT channel, status, attempts, provider_message_id, last_error, body, delivery_status,
                delivery_error_code
           FROM message_log WHERE id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    [twilio, smtp] = await Promise.all([FakeTwilioApi.start(), FakeSmtpServer.start()]);
    const env = {
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_SMS_FROM: SMS_FROM,
      TWILIO_WHATSAPP_FROM: `whatsapp:${WHATSAPP_FROM}`,
      TWILIO_API_BASE_URL: twilio.url,
      TWILIO_STATUS_CALLBACK_URL: CALLBACK_URL,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'carebook <no-reply@carebook.example>',
    };
    const spy = jest
      .spyOn(Logger.prototype, 'log')
      .mockImplementation((message: unknown) => void startupLines.push(String(message)));
    try {
      worker = await startTestWorker(WorkerModule, { env });
    } finally {
      spy.mockRestore();
    }
    api = await startTestApi(AppModule, { env });
    db = await openTestDataSource();
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await db?.destroy();
    await Promise.all([twilio?.stop(), smtp?.stop()]);
  });

  it('says at start-up that every channel is live', () => {
    expect(startupLines).toContainEqual(
      expect.stringMatching(/^live message channels: SMS, WHATSAPP, EMAIL and LOG$/),
    );
  });

  it('sends an SMS through the Twilio Messages API once: form, basic auth, idempotency key', async () => {
    const to = uniquePhone();
    const messageId = await send({
      to,
      template: 'otp',
      body: 'Your code is 482913.',
      sensitive: true,
    });
    await settled(messageId, 'completed');
    const [request] = twilio.requestsTo(to);
    expect(twilio.requestsTo(to)).toHaveLength(1);
    expect(request).toMatchObject({
      method: 'POST',
      path: `/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`,
      auth: { username: twilio.accountSid, password: twilio.authToken },
      form: { To: to, From: SMS_FROM, Body: 'Your code is 482913.', StatusCallback: CALLBACK_URL },
      status: 201,
    });
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['i-twilio-idempotency-token']).toBe(messageId);
    expect(await row(messageId)).toMatchObject({
      channel: 'SMS',
      status: 'SENT',
      attempts: 1,
      provider_message_id: request.sid,
      body: '[redacted]', // an OTP is not kept once a real channel took it
    });
  });

  it('sends WhatsApp with whatsapp: addresses, to a patient who prefers it', async () => {
    const to = uniquePhone();
    await api.app.get(CommandBus).execute(new SetChannelPreference(to, 'WHATSAPP'));
    const messageId = await send({ to });
    await settled(messageId, 'completed');
    expect(twilio.requestsTo(to).map((r) => r.form)).toEqual([
      {
        To: `whatsapp:${to}`,
        From: `whatsapp:${WHATSAPP_FROM}`,
        Body: 'Hello from carebook.',
        StatusCallback: CALLBACK_URL,
      },
    ]);
    expect(await row(messageId)).toMatchObject({ channel: 'WHATSAPP', status: 'SENT' });
  });

  it('e-mails a confirmation over SMTP once: envelope, subject, text and HTML, and the .ics', async () => {
    const to = `asha.${randomUUID()}@carebook.example`;
    const appointmentId = randomUUID();
    const rendered = appointmentConfirmationMessage({
      appointmentId,
      patientName: 'Asha Rao',
      clinicianName: 'Dr Meera Iyer',
      centreName: 'carebook Indiranagar',
      centreAddress: '100 Feet Road, Bengaluru',
      centreTimeZone: 'Asia/Kolkata',
      startsAt: new Date('2026-03-29T04:00:00Z'),
      endsAt: new Date('2026-03-29T04:30:00Z'),
      sessionType: 'IN_PERSON',
    });
    const messageId = await send({ to, ...rendered });
    await settled(messageId, 'completed');
    const mails = smtp.mailTo(to);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.envelope).toEqual({ from: 'no-reply@carebook.example', to: [to] });
    expect(mail.user).toBe('carebook');
    expect(mail.headers.from).toBe('carebook <no-reply@carebook.example>');
    expect(mail.headers['message-id']).toBe(`<${messageId}@carebook.example>`);
    expect(mail.subject).toBe('Appointment confirmed: Dr Meera Iyer, Sun 29 Mar, 09:30 IST');
    expect(mail.text?.trim()).toBe(rendered.body);
    expect(mail.html).toContain('Sunday 29 March 2026 at 09:30 IST');
    expect(mail.attachments).toHaveLength(1);
    const [invite] = mail.attachments;
    expect(invite).toMatchObject({ filename: 'appointment.ics', contentType: 'text/calendar' });
    const ics = invite.content.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`UID:${appointmentId}@carebook`);
    expect(ics).toContain('DTSTART:20260329T040000Z');
    expect(ics).toContain('DTEND:20260329T043000Z');
    expect(ics).toContain('SUMMARY:Appointment with Dr Meera Iyer');
    expect(await row(messageId)).toMatchObject({
      channel: 'EMAIL',
      status: 'SENT',
      attempts: 1,
      provider_message_id: `<${messageId}@carebook.example>`,
    });
  });

  it('fails an invalid number at once: one request, FAILED after 1 attempt, no retry', async () => {
    const to = uniquePhone();
    twilio.answerTo(to, FakeTwilioApi.INVALID_TO, FakeTwilioApi.INVALID_TO);
    const messageId = await send({ to });
    await settled(messageId, 'failed');
    const job = await queue().getJob(messageId);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toContain('MESSAGE_REJECTED');
    expect(await row(messageId)).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      provider_message_id: null,
      last_error:
        "MESSAGE_REJECTED: Twilio 21211 (HTTP 400): The 'To' number is not a valid phone number.",
    });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // past the first backoff
    expect(twilio.requestsTo(to)).toHaveLength(1);
  });

  it('refuses a mailbox the SMTP server rejects (550) at once', async () => {
    const to = `gone.${randomUUID()}@carebook.example`;
    smtp.rejectRecipient(to, 550);
    const messageId = await send({ to, subject: 'Hello' });
    await settled(messageId, 'failed');
    expect(await row(messageId)).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect((await row(messageId)).last_error).toMatch(/^MESSAGE_REJECTED: SMTP 550: /);
    expect(smtp.mailTo(to)).toEqual([]);
  });

  it('retries a transient Twilio 500 and delivers once, with the same idempotency key', async () => {
    const to = uniquePhone();
    twilio.answerTo(to, FakeTwilioApi.SERVER_ERROR);
    const messageId = await send({ to });
    await settled(messageId, 'completed');
    const requests = twilio.requestsTo(to);
    expect(requests.map((r) => r.status)).toEqual([500, 201]);
    expect(requests.map((r) => r.headers['i-twilio-idempotency-token'])).toEqual([
      messageId,
      messageId,
    ]);
    expect(await row(messageId)).toMatchObject({
      status: 'SENT',
      attempts: 2,
      provider_message_id: requests[1].sid,
      last_error: expect.stringMatching(/^CHANNEL_UNAVAILABLE: Twilio 20500 \(HTTP 500\)/),
    });
  });

  it('retries a mailbox that is busy (451) and delivers once', async () => {
    const to = `busy.${randomUUID()}@carebook.example`;
    smtp.answerRecipient(to, 451);
    const messageId = await send({ to, subject: 'Hello' });
    await settled(messageId, 'completed');
    expect(smtp.mailTo(to)).toHaveLength(1);
    expect(await row(messageId)).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  describe('status callbacks', () => {
    const sentSms = async () => {
      const to = uniquePhone();
      const messageId = await send({ to });
      await settled(messageId, 'completed');
      return { messageId, sid: twilio.requestsTo(to)[0].sid! };
    };
    const post = (form: Record<string, string>, signature?: string) => {
      const req = api.http.post(WEBHOOK).type('form').send(form);
      return signature ? req.set('X-Twilio-Signature', signature) : req;
    };

    it('a signed callback marks the message delivered (204); a repeat changes nothing', async () => {
      const { messageId, sid } = await sentSms();
      const sent = twilio.statusCallback(CALLBACK_URL, sid, 'sent');
      await post(sent.form, sent.signature).expect(204);
      expect((await row(messageId)).delivery_status).toBeNull();
      const delivered = twilio.statusCallback(CALLBACK_URL, sid, 'delivered');
      await post(delivered.form, delivered.signature).expect(204);
      await post(delivered.form, delivered.signature).expect(204);
      expect(await row(messageId)).toMatchObject({
        status: 'SENT',
        delivery_status: 'DELIVERED',
        delivery_error_code: null,
      });
    });

    it('records an undelivered report with its error code', async () => {
      const { messageId, sid } = await sentSms();
      const report = twilio.statusCallback(CALLBACK_URL, sid, 'undelivered', {
        ErrorCode: '30003',
      });
      await post(report.form, report.signature).expect(204);
      expect(await row(messageId)).toMatchObject({
        delivery_status: 'UNDELIVERED',
        delivery_error_code: '30003',
      });
    });

    it('answers 400 problem+json to a forged or missing signature, and changes nothing', async () => {
      const { messageId, sid } = await sentSms();
      const genuine = twilio.statusCallback(CALLBACK_URL, sid, 'failed');
      const tampered = { ...genuine.form, MessageStatus: 'delivered' };
      const otherUrl = twilio.statusCallback('https://evil.example/hook', sid, 'delivered');
      for (const attempt of [
        post(tampered, genuine.signature),
        post(otherUrl.form, otherUrl.signature),
        post(genuine.form),
        api.http.post(WEBHOOK).set('X-Twilio-Signature', genuine.signature).send(genuine.form),
      ]) {
        const res = await attempt.expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({ status: 400, code: 'INVALID_SIGNATURE' });
      }
      expect((await row(messageId)).delivery_status).toBeNull();
    });
  });
});
