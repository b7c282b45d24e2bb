import { ConflictError, registerErrorStatus } from '@carebook/core';

registerErrorStatus({
  APPOINTMENT_CANCELLED: 409,
  APPOINTMENT_NOT_CONFIRMED: 409,
  APPOINTMENT_NOT_UPCOMING: 409,
});

/** A cancelled appointment gets no confirmation or reminder. */
export class AppointmentCancelledError extends ConflictError {
  override readonly code = 'APPOINTMENT_CANCELLED';
  constructor() {
    super('The appointment is cancelled: no confirmation or reminder is sent for it.');
  }
}

/** Only a CONFIRMED appointment is confirmed or reminded of (not a hold, not one under way or over). */
export class AppointmentNotConfirmedError extends ConflictError {
  override readonly code = 'APPOINTMENT_NOT_CONFIRMED';
  constructor(status: string) {
    super(
      `The appointment is ${status}; only CONFIRMED appointments get confirmations and reminders.`,
    );
  }
}

/** The appointment has already started. */
export class AppointmentNotUpcomingError extends ConflictError {
  override readonly code = 'APPOINTMENT_NOT_UPCOMING';
  constructor() {
    super('The appointment has already started.');
  }
}
