import { eventNameOf, OutboxRoute } from '@carebook/core';
import { MessageQueued } from '@carebook/notifications';
import type { JobsOptions, WorkerOptions } from 'bullmq';

/**
 * The queue of message deliveries: one `deliver` job per message, its id the message id; and
 * the `sweep-messages` job that gives a message whose job Redis lost its job back.
 */
export const NOTIFICATIONS_QUEUE = 'notifications';
export const DELIVER_JOB = 'deliver';
export const SWEEP_MESSAGES_JOB = 'sweep-messages';
/** The sweep's period: a message whose `deliver` job was lost waits at most this (plus 2 min) for it. */
export const MESSAGE_SWEEP_EVERY_MS = 60_000;

export interface DeliverMessageJob {
  messageId: string;
  /** The MessageQueued event that asked for the delivery. */
  eventId: string;
}

/**
 * Five attempts, 1 s, 2 s, 4 s, 8 s apart. Completed jobs stay a day so that the same event
 * handled again adds no second job; failed jobs stay for people to look at.
 */
export const DELIVER_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: false,
};

/**
 * The `deliver` workers: 100 at a time per process (sends mostly wait on the provider, and
 * concurrent attempts share one claim UPDATE and one outcome UPDATE: bench:notifications went
 * from 22 % to 37-38 % of a raw BullMQ no-op at 50 -> 100). A
 * worker that dies mid-job loses its lock within 15 s and the job is back in the queue after
 * the next stalled check (every 5 s); a job may stall 3 times before it fails.
 */
export const NOTIFICATIONS_WORKER_OPTIONS: Partial<WorkerOptions> = {
  concurrency: 100,
  lockDuration: 15_000,
  stalledInterval: 5_000,
  maxStalledCount: 3,
};

/**
 * The `deliver` job of a message, as the relay adds it and the sweep adds it again: its id the
 * message id, so that adding it twice (or while it waits, backs off or runs) still makes one job.
 */
export function deliverJob(delivery: DeliverMessageJob) {
  return {
    name: DELIVER_JOB,
    data: { messageId: delivery.messageId, eventId: delivery.eventId } satisfies DeliverMessageJob,
    jobId: delivery.messageId,
    opts: DELIVER_JOB_OPTIONS,
  };
}

/**
 * A committed MessageQueued goes straight to this queue as its `deliver` job (the relay's
 * publisher, see OutboxRoute): relaying it twice still makes one job.
 */
export const DELIVER_ON_MESSAGE_QUEUED: OutboxRoute = {
  type: eventNameOf(MessageQueued),
  queue: NOTIFICATIONS_QUEUE,
  job: (event) => deliverJob({ messageId: event.aggregateId, eventId: event.id }),
};
