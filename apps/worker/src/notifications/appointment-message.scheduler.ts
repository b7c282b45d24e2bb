import { Clock } from '@carebook/core';
import type { ReminderLead } from '@carebook/notifications';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  APPOINTMENT_MESSAGE_JOB_OPTIONS,
  APPOINTMENT_MESSAGES_QUEUE,
  CONFIRMATION_JOB,
  ConfirmationJob,
  confirmationJobId,
  REMINDER_JOB,
  REMINDER_LEADS,
  ReminderJob,
  reminderJobId,
} from './appointment-messages.queue';

/** Adds and removes the `appointment-messages` jobs of one appointment. */
@Injectable()
export class AppointmentMessageScheduler {
  constructor(
    @InjectQueue(APPOINTMENT_MESSAGES_QUEUE)
    private readonly queue: Queue<ConfirmationJob | ReminderJob>,
    private readonly clock: Clock,
  ) {}

  /** A `confirmation` job now, one per event (its id dedupes a repeated event). */
  async confirm(job: ConfirmationJob): Promise<void> {
    await this.queue.add(CONFIRMATION_JOB, job, {
      ...APPOINTMENT_MESSAGE_JOB_OPTIONS,
      jobId: confirmationJobId(job.appointmentId, job.eventId),
    });
  }

  /** A delayed `reminder` job per lead, due `lead` before `startsAt`; none once that is past. */
  async scheduleReminders(appointmentId: string, startsAt: string, eventId: string): Promise<void> {
    const now = this.clock.now().getTime();
    for (const [lead, leadMs] of Object.entries(REMINDER_LEADS) as [ReminderLead, number][]) {
      const remindAt = Date.parse(startsAt) - leadMs;
      if (remindAt <= now) continue;
      const job: ReminderJob = {
        appointmentId,
        lead,
        startsAt: new Date(startsAt).toISOString(),
        remindAt: new Date(remindAt).toISOString(),
        eventId,
      };
      await this.queue.add(REMINDER_JOB, job, {
        ...APPOINTMENT_MESSAGE_JOB_OPTIONS,
        jobId: reminderJobId(lead, appointmentId, startsAt),
        delay: remindAt - now,
      });
    }
  }

  /**
   * Removes the reminders of the appointment at `startsAt`. One already running (locked)
   * stays, and sends nothing: it re-checks the appointment's start time and status.
   */
  async removeReminders(appointmentId: string, startsAt: string): Promise<void> {
    for (const lead of Object.keys(REMINDER_LEADS) as ReminderLead[]) {
      await this.queue.remove(reminderJobId(lead, appointmentId, startsAt));
    }
  }
}
