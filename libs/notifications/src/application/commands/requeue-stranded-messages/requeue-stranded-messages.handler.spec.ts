import { FixedClock } from '@carebook/testing';
import { Message } from '../../../domain/message';
import { Recipient } from '../../../domain/recipient';
import {
  FakeMessageChannels,
  InMemoryMessageRepository,
  RecordingChannel,
} from '../../../testing/notification-fakes';
import { DeliveryQueue, QueuedDelivery } from '../../ports/delivery-queue';
import {
  RequeueStrandedMessagesHandler,
  STRANDED_BATCH,
} from './requeue-stranded-messages.handler';

const MINUTE = 60_000;

/** A queue that has the jobs of `existing` messages and takes every other one once. */
class RecordingDeliveryQueue extends DeliveryQueue {
  readonly calls: QueuedDelivery[][] = [];
  readonly jobs = new Set<string>();
  async requeue(deliveries: QueuedDelivery[]): Promise<number> {
    this.calls.push(deliveries);
    const missing = deliveries.filter((d) => !this.jobs.has(d.messageId));
    missing.forEach((d) => this.jobs.add(d.messageId));
    return missing.length;
  }
}

class SlowChannel extends RecordingChannel {
  override readonly maxSendMs = 5 * MINUTE;
}

describe('RequeueStrandedMessagesHandler', () => {
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));
  let repo: InMemoryMessageRepository;
  let queue: RecordingDeliveryQueue;
  const handler = (...live: RecordingChannel[]) =>
    new RequeueStrandedMessagesHandler(
      repo,
      queue,
      new FakeMessageChannels(new RecordingChannel('LOG'), ...live),
      clock,
      { outboxStream: 'default' },
    );
  /** A PENDING message created `ageMs` ago whose MessageQueued was published (unless told). */
  const queued = (
    ageMs: number,
    { published = true, attemptAgeMs = undefined as number | undefined } = {},
  ) => {
    const message = Message.queue(
      {
        recipient: Recipient.of('+919812345678'),
        channel: 'SMS',
        template: 'welcome',
        body: 'Hi.',
      },
      new Date(clock.now().getTime() - ageMs),
    );
    if (attemptAgeMs !== undefined)
      message.startAttempt(new Date(clock.now().getTime() - attemptAgeMs));
    repo.rows.set(message.id, message.snapshot());
    if (published) repo.published.set(message.id, `event-of-${message.id}`);
    return message.id;
  };

  beforeEach(() => {
    repo = new InMemoryMessageRepository();
    queue = new RecordingDeliveryQueue();
  });

  it('hands the stranded ones to the queue with their event id, and answers how many got a job', async () => {
    const stranded = queued(5 * MINUTE);
    const hasJob = queued(4 * MINUTE);
    queue.jobs.add(hasJob);
    queued(MINUTE); // young: the relay may not have added its job yet
    queued(5 * MINUTE, { published: false }); // the relay has not published it yet
    queued(5 * MINUTE, { attemptAgeMs: 30_000 }); // a worker is sending it

    expect(await handler().execute()).toBe(1);
    expect(queue.calls).toEqual([
      [
        expect.objectContaining({ messageId: stranded, eventId: `event-of-${stranded}` }),
        expect.objectContaining({ messageId: hasJob, eventId: `event-of-${hasJob}` }),
      ],
    ]);
  });

  it('treats an attempt as in flight for the longest send of any live channel', async () => {
    const inDoubt = queued(10 * MINUTE, { attemptAgeMs: 2 * MINUTE });
    // LOG alone: one minute (the default), so a 2-minute-old attempt is over.
    expect(await handler().execute()).toBe(1);
    expect(queue.calls.flat().map((d) => d.messageId)).toEqual([inDoubt]);
    // A live channel whose sends may take 5 minutes: it may still be in flight.
    queue = new RecordingDeliveryQueue();
    expect(await handler(new SlowChannel('SMS')).execute()).toBe(0);
    expect(queue.calls).toEqual([]);
  });

  it('pages through more than a batch, oldest first, each message once', async () => {
    const total = 2 * STRANDED_BATCH + 7;
    const ids = Array.from({ length: total }, (_, i) => queued(10 * MINUTE + (total - i) * 1000));
    // They all have jobs already: a sweep still walks past them to the end.
    ids.forEach((id) => queue.jobs.add(id));

    expect(await handler().execute()).toBe(0);
    expect(queue.calls.map((c) => c.length)).toEqual([STRANDED_BATCH, STRANDED_BATCH, 7]);
    expect(queue.calls.flat().map((d) => d.messageId)).toEqual(ids);
  });

  it('a full page of messages it must skip does not hide the ones after it', async () => {
    const total = STRANDED_BATCH + 1;
    // The oldest not published (another stream's, or its outbox row purged), the youngest stranded.
    const ids = Array.from({ length: total }, (_, i) =>
      queued(10 * MINUTE + (total - i) * 1000, { published: i === total - 1 }),
    );

    expect(await handler().execute()).toBe(1);
    expect(queue.calls).toEqual([[expect.objectContaining({ messageId: ids[total - 1] })]]);
  });
});
