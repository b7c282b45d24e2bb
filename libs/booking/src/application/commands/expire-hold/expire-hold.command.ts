import { Command } from '@nestjs/cqrs';

/** What ExpireHold found: it expired the hold, or there was nothing (left) to do. */
export type ExpireHoldOutcome = 'EXPIRED' | 'NOT_PENDING' | 'MISSING';

/**
 * The worker's delayed job at a hold's end: cancels the appointment if it is still an unpaid
 * PENDING hold whose time has come. Checks state first, so running it twice (or after a
 * payment) changes nothing. Before the hold's end it throws HOLD_NOT_EXPIRED (retryable).
 */
export class ExpireHold extends Command<ExpireHoldOutcome> {
  constructor(readonly appointmentId: string) {
    super();
  }
}
