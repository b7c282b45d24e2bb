import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { ClinicianSettings, Money } from '../../../domain/clinician-profile';
import type { ClinicianDto } from '../../dto/clinician.dto';

/** The staff user (phone already E.164) and the profile of a new clinician. */
export interface CreateClinicianInput {
  fullName: string;
  phone: string;
  email?: string | null;
  username?: string | null;
  /** Plain text; identity hashes it and never stores it. */
  password?: string;
  specializations: string[];
  qualifications: string[];
  languages: string[];
  yearsOfExperience: number;
  consultationFee: Money;
  consultationDurationMinutes: number;
  bio?: string | null;
  photoUrl?: string | null;
  primaryCentreId: string;
  /** Further centres (the primary one is always included). */
  centreIds?: string[];
  /** Omitted settings take the defaults (no buffers, 120 min notice, 60 days, no cap). */
  settings?: Partial<ClinicianSettings>;
}

/**
 * Creates the CLINICIAN staff user and their profile in one transaction, on behalf of `actor`:
 * 403 FORBIDDEN outside the actor's centres, 400 for an unknown centre or a bad profile, 409
 * PHONE_TAKEN / USERNAME_TAKEN.
 */
export class CreateClinician extends Command<ClinicianDto> {
  constructor(
    readonly actor: Actor,
    readonly input: CreateClinicianInput,
  ) {
    super();
  }
}
