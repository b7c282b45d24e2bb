import { SendMessage } from '@carebook/notifications';
import {
  eventually,
  FakeTwilioApi,
  openTestDataSource,
  startTestApi,
  startTestWorker,
  TestApi,
  uniquePhone,
} from '@carebook/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { MessageSweepScheduler } from '../apps/worker/src/notifications/message-sweep.scheduler';
import { NotificationsProcessor } from '../apps/worker/src/notifications/notifications.processor';
import {
  NOTIFICATIONS_QUEUE,
  SWEEP_MESSAGES_JOB,
} from '../apps/worker/src/notifications/notifications.queue';
import { WorkerModule } from '../apps/worker/src/worker.module';

const STATES = ['completed', 'waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;
const UNAVAILABLE = { status: 503, code: 20503, message: 'Service unavailable' };

/**
 * The sweep gives a message whose `deliver` job Redis lost (removed, or the whole queue
 * obliterated, as a restart without persistence or a flush would) its job back, and nothing
 * else: a job that still exists stays the only one, a young message and one being sent are left
 * alone. The relay runs as usual; the test holds the worker's `deliver` processing (pause) while
 * it takes jobs away, and runs the sweep through the processor itself instead of waiting a minute.
 * Every message goes through the Twilio fake, which counts what it accepted.
 */
describe('Message sweep: no message left behind when Redis loses its deliver job', () => {
  let twilio: FakeTwilioApi;
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let db: DataSource;
  let processor: NotificationsProcessor;
  let deliveries: Queue;

  const send = async (to: string): Promise<string> => {
    const { messageId } = await api.app
      .get(CommandBus)
      .execute(new SendMessage({ to, channel: 'SMS', template: 'welcome', body: 'Welcome.' }));
    return messageId;
  };
  /** The relay has added the message's job and marked its MessageQueued published. */
  const relayed = (id: string) =>
    eventually(async () => {
      expect(await deliveries.getJobState(id)).toMatch(/^(waiting|delayed|paused)$/);
      const [row] = await db.query(`SELECT published_at FROM outbox WHERE aggregate_id = $1`, [id]);
      expect(row.published_at).toBeInstanceOf(Date);
    });
  const eventIdOf = async (id: string): Promise<string> =>
    (await db.query(`SELECT id FROM outbox WHERE aggregate_id = $1`, [id]))[0].id;
  /** Makes the message older than the sweep's 2-minute grace. */
  const age = (...ids: string[]) =>
    db.query(
      `UPDATE message_log SET created_at = created_at - interval '3 minutes' WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  const row = async (id: string) =>
    (await db.query(`SELECT status, attempts FROM message_log WHERE id = $1`, [id]))[0] as {
      status: string;
      attempts: number;
    };
  const jobsFor = async (id: string) =>
    (await deliveries.getJobs([...STATES])).filter(
      (j: Job) => j?.id === id || j?.data?.messageId === id,
    );
  /** One sweep, as a `sweep-messages` job runs it; answers how many messages got a job back. */
  const sweep = async () =>
    (await processor.process({ name: SWEEP_MESSAGES_JOB, data: {} } as Job)) as number;
  const sentOnce = async (id: string, to: string) => {
    await eventually(async () => expect((await row(id)).status).toBe('SENT'), 20_000);
    expect(twilio.acceptedFor(to)).toHaveLength(1);
  };

  beforeAll(async () => {
    twilio = await FakeTwilioApi.start();
    const env = {
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_SMS_FROM: '+14155550100',
      TWILIO_API_BASE_URL: twilio.url,
    };
    api = await startTestApi(AppModule, { env });
    worker = await startTestWorker(WorkerModule, { env });
    db = await openTestDataSource();
    processor = worker.get(NotificationsProcessor);
    deliveries = worker.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE));
  });
  afterEach(() => {
    if (processor.worker.isPaused()) processor.worker.resume();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.destroy();
    await twilio?.stop();
  });

  it('a deliver job removed after the relay published it: back after one sweep, sent exactly once', async () => {
    await processor.worker.pause();
    const to = uniquePhone();
    const id = await send(to);
    await relayed(id);
    await deliveries.remove(id);
    expect(await deliveries.getJobState(id)).toBe('unknown');
    await age(id);

    expect(await sweep()).toBe(1);
    const jobs = await jobsFor(id);
    expect(jobs.map((j) => [j.id, j.name, j.data])).toEqual([
      [id, 'deliver', { messageId: id, eventId: await eventIdOf(id) }],
    ]);
    expect(jobs[0].opts).toMatchObject({
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
    });

    processor.worker.resume();
    await sentOnce(id, to);
    expect(await row(id)).toEqual({ status: 'SENT', attempts: 1 });
    // Sent: a later sweep has nothing to do for it.
    expect(await sweep()).toBe(0);
    expect(twilio.acceptedFor(to)).toHaveLength(1);
  });

  it('a job still waiting, or backing off after a failed attempt, stays the only one', async () => {
    // Backing off: Twilio is unavailable for its first attempts (retries 1 s, 2 s, 4 s later).
    const backingOff = uniquePhone();
    twilio.answerTo(backingOff, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE);
    const retried = await send(backingOff);
    await eventually(async () => {
      expect(await deliveries.getJobState(retried)).toBe('delayed');
      expect((await row(retried)).attempts).toBeGreaterThanOrEqual(1);
    });
    await processor.worker.pause();
    const [retriedJob] = await jobsFor(retried);
    // Its failed attempt is over (not in progress): only its job's id keeps it from a second job.
    const [attempt] = await db.query(`SELECT attempt_started_at FROM message_log WHERE id = $1`, [
      retried,
    ]);
    expect(attempt.attempt_started_at).toBeNull();
    // Waiting: never picked up yet.
    const waitingTo = uniquePhone();
    const waiting = await send(waitingTo);
    await relayed(waiting);
    const [waitingJob] = await jobsFor(waiting);
    // And one whose job is gone, so that the sweep is seen to run.
    const lostTo = uniquePhone();
    const lost = await send(lostTo);
    await relayed(lost);
    await deliveries.remove(lost);
    await age(retried, waiting, lost);

    expect(await sweep()).toBe(1);
    for (const [id, before] of [
      [retried, retriedJob],
      [waiting, waitingJob],
    ] as const) {
      const jobs = await jobsFor(id);
      expect(jobs).toHaveLength(1);
      // The very same job: not replaced, its attempts and backoff kept.
      expect([jobs[0].timestamp, jobs[0].attemptsMade]).toEqual([
        before.timestamp,
        before.attemptsMade,
      ]);
    }
    expect(await jobsFor(lost)).toHaveLength(1);

    processor.worker.resume();
    await sentOnce(waiting, waitingTo);
    await sentOnce(lost, lostTo);
    await sentOnce(retried, backingOff);
    expect(twilio.requestsTo(backingOff).length).toBeGreaterThan(1);
  });

  it('leaves alone a message inside the grace period and one a worker is sending', async () => {
    await processor.worker.pause();
    const fresh = await send(uniquePhone());
    const sending = await send(uniquePhone());
    const lostTo = uniquePhone();
    const lost = await send(lostTo);
    for (const id of [fresh, sending, lost]) {
      await relayed(id);
      await deliveries.remove(id);
    }
    await age(sending, lost);
    // A worker opened an attempt a moment ago and is waiting for Twilio's answer.
    await db.query(
      `UPDATE message_log SET attempts = 1, attempt_started_at = now() WHERE id = $1`,
      [sending],
    );

    expect(await sweep()).toBe(1);
    expect(await jobsFor(fresh)).toEqual([]);
    expect(await jobsFor(sending)).toEqual([]);
    expect(await jobsFor(lost)).toHaveLength(1);
    processor.worker.resume();
    await sentOnce(lost, lostTo);

    // Out of later sweeps' way (they would rightly pick these up once old enough).
    await db.query(
      `UPDATE message_log SET status = 'FAILED', attempt_started_at = NULL WHERE id = ANY($1::uuid[])`,
      [[fresh, sending]],
    );
  });

  it('one job scheduler however often workers start; put back, with the lost jobs, after Redis lost the queue', async () => {
    const scheduler = worker.get(MessageSweepScheduler);
    const schedulers = async () => (await deliveries.getJobSchedulers()).map((s) => s.key);
    expect(await schedulers()).toEqual([SWEEP_MESSAGES_JOB]);
    // The same worker bootstrapped again, and a second worker starting.
    await scheduler.onApplicationBootstrap();
    const second = new MessageSweepScheduler(deliveries);
    await second.onApplicationBootstrap();
    second.onApplicationShutdown();
    expect(await schedulers()).toEqual([SWEEP_MESSAGES_JOB]);
    const [only] = await deliveries.getJobSchedulers();
    expect(only.every).toBe(60_000);
    expect(await scheduler.ensureScheduled()).toBe(false);

    // Everything of the queue gone at once, as after a Redis restart without persistence.
    await processor.worker.pause();
    const to = uniquePhone();
    const id = await send(to);
    await relayed(id);
    await deliveries.obliterate({ force: true });
    await deliveries.resume();
    expect(await schedulers()).toEqual([]);
    expect(await deliveries.getJobState(id)).toBe('unknown');

    expect(await scheduler.ensureScheduled()).toBe(true);
    expect(await schedulers()).toEqual([SWEEP_MESSAGES_JOB]);
    await age(id);
    expect(await sweep()).toBe(1);
    processor.worker.resume();
    await sentOnce(id, to);
  });
});
