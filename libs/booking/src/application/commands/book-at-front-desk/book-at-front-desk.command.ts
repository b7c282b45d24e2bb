import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { BookingSource, SessionType } from '../../../domain/appointment-status';
import type { BookingResult } from '../booking-result';

export interface BookAtFrontDeskInput {
  /** An existing patient, or `patient` to register a new one (exactly one of the two). */
  patientId?: string;
  patient?: { fullName: string; phone: string };
  clinicianId: string;
  centreId: string;
  startsAt: Date;
  sessionType: SessionType;
  source: BookingSource;
  reason?: string;
  notes?: string;
}

/**
 * Staff book for a patient at a centre (front desk, phone, walk-in, `POST /appointments`):
 * CONFIRMED at once. A new patient is registered through the patients context in the same
 * transaction, so a refused booking leaves no stray record. The slot must be one of the
 * clinician's free slots at that centre, though without the minimum notice (a walk-in takes
 * the next slot). FRONT_DESK and CENTRE_MANAGER at their centres, ADMIN, MANAGER.
 */
export class BookAtFrontDesk extends Command<BookingResult> {
  constructor(
    readonly actor: Actor,
    readonly input: BookAtFrontDeskInput,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
