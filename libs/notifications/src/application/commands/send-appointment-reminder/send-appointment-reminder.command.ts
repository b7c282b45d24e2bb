import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { AppointmentMessagesOutcome } from '../../appointment-messages/appointment-messages';
import type { ReminderLead } from '../../templates/appointment-reminder.template';

/** A reminder job's run: the reminder `lead` before the start it was scheduled for. */
export interface ScheduledReminderInput {
  appointmentId: string;
  lead: ReminderLead;
  /** The start time the job was scheduled for; an appointment moved since gets nothing. */
  startsAt: string;
  resend?: undefined;
}

/**
 * A staff member's explicit resend: new messages every time (a fresh key), the appointment
 * read as `actor` (another centre's is NOT_FOUND), 409 when it cannot be reminded of. Without
 * `lead`: `1h` ("starts soon, at 10:30") when it starts within 90 minutes, else `24h`.
 */
export interface ReminderResendInput {
  appointmentId: string;
  lead?: ReminderLead;
  resend: { actor: Actor };
}

/**
 * Reminds the patient of a CONFIRMED appointment that has not started, on their preferred
 * phone channel and by e-mail when they have an address. Re-checks the appointment first:
 * a cancelled, moved, started or no longer confirmed one is skipped. Safe to run twice.
 */
export class SendAppointmentReminder extends Command<AppointmentMessagesOutcome> {
  constructor(readonly input: ScheduledReminderInput | ReminderResendInput) {
    super();
  }
}
