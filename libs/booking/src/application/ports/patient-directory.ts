import type { Actor } from '@carebook/core';

/** A patient as booking needs them: who, and the name the front desk calls out. */
export interface PatientCard {
  id: string;
  fullName: string | null;
}

/** Port: the patients context, through its commands and queries. */
export abstract class PatientDirectory {
  /** The patient, or undefined when there is no such (living) patient. */
  abstract find(patientId: string): Promise<PatientCard | undefined>;
  /** Names of several patients (missing ones are left out). */
  abstract namesOf(patientIds: readonly string[]): Promise<Map<string, string | null>>;
  /**
   * Opens a record for a new patient on behalf of `actor`, inside the caller's transaction
   * (PATIENT_PHONE_TAKEN when the phone already has a record).
   */
  abstract register(
    actor: Actor,
    patient: { fullName: string; phone: string },
  ): Promise<PatientCard>;
}
