import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { ClinicianSettings, Money } from '../../../domain/clinician-profile';
import type { ClinicianDto } from '../../dto/clinician.dto';

/**
 * Omitted (undefined) fields keep their value; `null` clears `bio`, `photoUrl`, `email` and
 * `settings.dailyCap`. `fullName`, `phone` and `email` belong to the staff user.
 */
export interface UpdateClinicianInput {
  fullName?: string;
  phone?: string;
  email?: string | null;
  specializations?: string[];
  qualifications?: string[];
  languages?: string[];
  yearsOfExperience?: number;
  consultationFee?: Money;
  consultationDurationMinutes?: number;
  bio?: string | null;
  photoUrl?: string | null;
  primaryCentreId?: string;
  /** Replaces the centres besides the primary one. */
  centreIds?: string[];
  settings?: Partial<ClinicianSettings>;
}

/**
 * Changes a clinician's profile, settings and centres (and their staff user's name and contact
 * details) in one transaction: 404 outside the actor's reach, 403 for centres they do not
 * manage, 400 for a bad profile or a centre the weekly rules still use.
 */
export class UpdateClinician extends Command<ClinicianDto> {
  constructor(
    readonly actor: Actor,
    readonly clinicianId: string,
    readonly changes: UpdateClinicianInput,
  ) {
    super();
  }
}
