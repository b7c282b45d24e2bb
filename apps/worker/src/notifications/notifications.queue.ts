import type { JobsOptions } from 'bullmq';

/** The queue of message deliveries: one `deliver` job per message, its id the message id. */
export const NOTIFICATIONS_QUEUE = 'notifications';
export const DELIVER_JOB = 'deliver';

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
