import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { BloodGroup, EmergencyContact, Gender } from '../../../domain/patient-profile';
import type { PatientDto } from '../../dto/patient.dto';

/** A new record's details; omitted optional fields stay empty. Phones are E.164. */
export interface RegisterPatientInput {
  fullName: string;
  phone: string;
  email?: string | null;
  dateOfBirth?: string | null;
  gender?: Gender | null;
  bloodGroup?: BloodGroup | null;
  emergencyContacts?: EmergencyContact[];
}

/**
 * Staff open a patient record (a walk-in, a phone booking): 409 PATIENT_PHONE_TAKEN when a
 * living patient has the phone, 403 for roles the patients access policy refuses (CAREGIVER),
 * 400 VALIDATION_FAILED for a broken field. Audited as `patient.record.created`.
 */
export class RegisterPatient extends Command<PatientDto> {
  constructor(
    readonly actor: Actor,
    readonly input: RegisterPatientInput,
  ) {
    super();
  }
}
