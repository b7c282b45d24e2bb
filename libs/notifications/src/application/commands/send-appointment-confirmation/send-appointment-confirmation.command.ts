import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { AppointmentMessagesOutcome } from '../../appointment-messages/appointment-messages';

export interface SendAppointmentConfirmationInput {
  appointmentId: string;
  /**
   * The start time the confirmation was asked for (from the event). When the appointment has
   * moved since, nothing is sent: the reschedule asks for its own confirmation.
   */
  startsAt?: string;
  /**
   * The AppointmentRescheduled event this confirms, if any: part of the idempotency key, so
   * a move back to an earlier time is confirmed again while a repeated event is not.
   */
  rescheduleEventId?: string;
  /**
   * A staff member's explicit resend: always queues new messages (a fresh key), reads the
   * appointment as `actor` (another centre's is NOT_FOUND), and refuses one that cannot be
   * confirmed (409 APPOINTMENT_CANCELLED, APPOINTMENT_NOT_CONFIRMED, APPOINTMENT_NOT_UPCOMING).
   */
  resend?: { actor: Actor };
}

/**
 * Confirms a CONFIRMED appointment to its patient: the confirmation on their preferred phone
 * channel, and by e-mail with an `.ics` invite when they have an address. Safe to run twice
 * (one message per address per logical confirmation); answers what it queued or why it skipped.
 */
export class SendAppointmentConfirmation extends Command<AppointmentMessagesOutcome> {
  constructor(readonly input: SendAppointmentConfirmationInput) {
    super();
  }
}
