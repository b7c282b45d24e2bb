import type { ReminderLead } from '@carebook/notifications';
import type { JobsOptions } from 'bullmq';

/**
 * Appointment confirmations and the reminders 24 h and 1 h before the start: a `confirmation`
 * job per change that confirms an appointment, a delayed `reminder` job per lead and start time.
 */
export const APPOINTMENT_MESSAGES_QUEUE = 'appointment-messages';
export const CONFIRMATION_JOB = 'confirmation';
export const REMINDER_JOB = 'reminder';
export const REMINDER_LEADS: Record<ReminderLead, number> = {
  '24h': 24 * 3600_000,
  '1h': 3600_000,
};

export interface ConfirmationJob {
  appointmentId: string;
  /** The start time being confirmed (ISO); a job that finds the appointment moved sends nothing. */
  startsAt: string;
  /** The event that asked for it (AppointmentBooked, -StatusChanged or -Rescheduled). */
  eventId: string;
  /** Set when that event is a reschedule (each move is confirmed once). */
  rescheduleEventId?: string;
}

export interface ReminderJob {
  appointmentId: string;
  lead: ReminderLead;
  /** The start time it reminds of (ISO); an appointment moved since gets nothing. */
  startsAt: string;
  /** When it is due: `startsAt` minus the lead. */
  remindAt: string;
  /** The event that scheduled it. */
  eventId: string;
}

/**
 * Deterministic ids, so an event handled twice adds one job and a reschedule or cancellation
 * finds the jobs to remove from the old start time alone. BullMQ refuses `:` in custom ids.
 */
export const confirmationJobId = (appointmentId: string, eventId: string) =>
  `${CONFIRMATION_JOB}-${appointmentId}-${eventId}`;
export const reminderJobId = (lead: ReminderLead, appointmentId: string, startsAt: string | Date) =>
  `${REMINDER_JOB}-${lead}-${appointmentId}-${new Date(startsAt).getTime()}`;

/**
 * Eight attempts, 2 s to about 4 min apart (a database or Redis hiccup); a non-retryable error
 * fails at once. Completed jobs stay a day so that a repeated event adds no second job; failed
 * jobs stay for people to look at.
 */
export const APPOINTMENT_MESSAGE_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: false,
};
