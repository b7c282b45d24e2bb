import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { SessionType } from '../../../domain/appointment-status';
import type { BookingResult } from '../booking-result';

export interface BookAppointmentInput {
  clinicianId: string;
  centreId?: string;
  startsAt: Date;
  sessionType: SessionType;
  reason?: string;
  notes?: string;
}

/**
 * A signed-in patient books a free slot online: PENDING, payment UNPAID, the slot held for
 * 15 minutes, fee from the clinician's schedule. 409 SLOT_UNAVAILABLE when `startsAt` is not a
 * free slot (taken, outside the clinician's hours, too soon, beyond the horizon, day full);
 * 404 for an unknown or inactive clinician. With an Idempotency-Key, a repeat of the same
 * request answers the first appointment and creates nothing; another request with the same key
 * is 422 IDEMPOTENCY_KEY_REUSED.
 */
export class BookAppointment extends Command<BookingResult> {
  constructor(
    readonly actor: Actor,
    readonly input: BookAppointmentInput,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
