import type { JobsOptions } from 'bullmq';

/** The booking context's jobs: one delayed `expire-hold` per online booking, and the sweep. */
export const BOOKING_QUEUE = 'booking';
export const EXPIRE_HOLD_JOB = 'expire-hold';
export const SWEEP_HOLDS_JOB = 'sweep-holds';
/** The safety net's period: holds whose delayed job was lost expire at most this late. */
export const HOLD_SWEEP_EVERY_MS = 30_000;

export interface ExpireHoldJob {
  appointmentId: string;
  /** The AppointmentBooked event that scheduled it. */
  eventId: string;
}

/**
 * One job per appointment. BullMQ refuses `:` in custom ids (its own key separator), so the id
 * is `expire-hold-<appointmentId>` rather than `expire-hold:<appointmentId>`.
 */
export function expireHoldJobId(appointmentId: string): string {
  return `${EXPIRE_HOLD_JOB}-${appointmentId}`;
}

/**
 * A job that runs early (HOLD_NOT_EXPIRED) retries 1 s, 2 s, 4 s... later; completed jobs stay
 * a day so that the same event handled again adds no second job; failed ones stay to be seen.
 */
export const EXPIRE_HOLD_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: false,
};
