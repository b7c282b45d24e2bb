import { ConflictError, registerErrorStatus } from '@carebook/core';
import type { AppointmentStatus } from './appointment-status';

registerErrorStatus({
  SLOT_UNAVAILABLE: 409,
  ILLEGAL_TRANSITION: 409,
  CANCELLATION_WINDOW_CLOSED: 409,
  NOT_RESCHEDULABLE: 409,
  CONCURRENT_MODIFICATION: 409,
  HOLD_NOT_EXPIRED: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
});

/** The time is not a free slot of the clinician (taken, outside their hours, too soon or too far). */
export class SlotUnavailableError extends ConflictError {
  override readonly code = 'SLOT_UNAVAILABLE';
  constructor(message = 'This time is not available. Choose another slot.') {
    super(message);
  }
}

/** The status change is not one of the legal transitions. */
export class IllegalTransitionError extends ConflictError {
  override readonly code = 'ILLEGAL_TRANSITION';
  constructor(
    readonly from: AppointmentStatus,
    readonly to: AppointmentStatus,
    why?: string,
  ) {
    super(`An appointment cannot go from ${from} to ${to}${why ? `: ${why}` : ''}.`);
  }
}

/** Patients may cancel a confirmed appointment only until the cut-off before it starts. */
export class CancellationWindowClosedError extends ConflictError {
  override readonly code = 'CANCELLATION_WINDOW_CLOSED';
  constructor(cutoffMinutes: number) {
    super(
      `Appointments can be cancelled online until ${cutoffMinutes / 60} hours before they start. Please call the centre.`,
    );
  }
}

/** Only PENDING and CONFIRMED appointments move (and patients only until the cut-off). */
export class NotReschedulableError extends ConflictError {
  override readonly code = 'NOT_RESCHEDULABLE';
}

/** Shared by every create route (core): booking's stamps raise it too. */
export { IdempotencyKeyReusedError } from '@carebook/core';

/** Someone else changed the appointment at the same moment; reload and try again. */
export class ConcurrentModificationError extends ConflictError {
  override readonly code = 'CONCURRENT_MODIFICATION';
  override readonly retryable = true;
  constructor() {
    super('The appointment was changed by someone else. Reload it and try again.');
  }
}

/** An expire-hold job ran before the hold's end (timers may fire early): try again later. */
export class HoldNotExpiredError extends ConflictError {
  override readonly code = 'HOLD_NOT_EXPIRED';
  override readonly retryable = true;
  constructor() {
    super('The hold has not expired yet.');
  }
}

/**
 * A concurrent request with the same Idempotency-Key stored its appointment first. Handlers
 * catch it and answer as a replay; it reaches a client only if the holder vanished.
 */
export class IdempotencyKeyInUseError extends ConflictError {
  override readonly code = 'IDEMPOTENCY_KEY_IN_USE';
  constructor() {
    super('A request with this Idempotency-Key is being processed. Retry shortly.');
  }
}
