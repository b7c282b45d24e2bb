import { SendMessage } from '@carebook/notifications';
import {
  eventually,
  FakeTwilioApi,
  openTestDataSource,
  startTestApi,
  startWorkerProcess,
  TestApi,
  uniquePhone,
  WorkerProcess,
} from '@carebook/testing';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';

const SMS_FROM = '+14155550100';
const BATCH = 120;

/**
 * Reliability (b): the worker runs as a child process and is SIGKILLed while a batch of SMS is
 * in flight to the Twilio fake (each answer 500 ms late, so the fake holds messages whose
 * worker never heard back). A new worker finishes the batch: the fake accepted every message
 * exactly once, and every row is SENT with the SID the fake gave it.
 */
describe('Delivery across a killed worker', () => {
  let twilio: FakeTwilioApi;
  let api: TestApi;
  let db: DataSource;
  let env: Record<string, string>;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    twilio = await FakeTwilioApi.start();
    twilio.answerDelayMs = 500;
    env = {
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_SMS_FROM: SMS_FROM,
      TWILIO_API_BASE_URL: twilio.url,
    };
    api = await startTestApi(AppModule, { env });
    db = await openTestDataSource();
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill('SIGKILL');
    await api?.close();
    await db?.destroy();
    await twilio?.stop();
  });

  it('SIGKILL mid-batch, restart: each message reaches Twilio once, none is lost', async () => {
    const first = await startWorkerProcess(env);
    workers.push(first);
    const phones = Array.from({ length: BATCH }, () => uniquePhone());
    const ids: string[] = [];
    for (const [i, to] of phones.entries()) {
      const { messageId } = await api.app
        .get(CommandBus)
        .execute(
          new SendMessage({ to, channel: 'SMS', template: 'welcome', body: `Batch message ${i}.` }),
        );
      ids.push(messageId);
    }
    const ours = () => twilio.messages.filter((m) => phones.includes(m.to));

    // Mid-batch: a good part accepted by Twilio, more to come.
    await eventually(
      async () => expect(ours().length).toBeGreaterThanOrEqual(BATCH / 2),
      30_000,
      10,
    );
    await first.kill('SIGKILL');

    const atKill = await rows(ids);
    const acceptedAtKill = new Set(ours().map((m) => m.to));
    // Twilio holds these but the dead worker never recorded them: the case a resend would double.
    const inDoubt = atKill.filter((r) => r.status === 'PENDING' && acceptedAtKill.has(r.recipient));
    expect(inDoubt.length).toBeGreaterThan(0);
    expect(inDoubt.every((r) => r.attempt_started_at instanceof Date)).toBe(true);
    expect(acceptedAtKill.size).toBeLessThan(BATCH);

    const second = await startWorkerProcess(env);
    workers.push(second);
    await eventually(
      async () => expect((await rows(ids)).filter((r) => r.status !== 'SENT')).toEqual([]),
      90_000,
      250,
    );

    const final = await rows(ids);
    for (const row of final) {
      const accepted = twilio.acceptedFor(row.recipient);
      expect({ to: row.recipient, accepted: accepted.length }).toEqual({
        to: row.recipient,
        accepted: 1,
      });
      expect(row.provider_message_id).toBe(accepted[0].sid);
      expect(row.attempt_started_at).toBeNull();
    }
    expect(ours()).toHaveLength(BATCH);
    // The in-doubt ones were settled from Twilio's record, not sent again: still one attempt.
    const settled = final.filter((r) => inDoubt.some((d) => d.id === r.id));
    expect(settled.every((r) => r.attempts === 1)).toBe(true);
    await second.kill('SIGTERM');
  }, 180_000);

  async function rows(ids: string[]) {
    return (await db.query(
      `SELECT id, recipient, status, attempts, provider_message_id, attempt_started_at
         FROM message_log WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as Array<{
      id: string;
      recipient: string;
      status: string;
      attempts: number;
      provider_message_id: string | null;
      attempt_started_at: Date | null;
    }>;
  }
});
