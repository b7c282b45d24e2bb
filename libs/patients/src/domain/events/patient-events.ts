import { DomainEvent, DomainEventName } from '@carebook/core';

/** Who opened or changed a record: the patient themself, or staff on their behalf. */
export type PatientChangeSource = 'SELF' | 'STAFF';

/** A patient record was opened, by the patient's first sign-in or by staff. Carries no PHI. */
@DomainEventName('patients.PatientRegistered')
export class PatientRegistered extends DomainEvent {
  constructor(
    patientId: string,
    readonly source: PatientChangeSource,
    at: Date,
  ) {
    super(patientId, at);
  }
}

/**
 * A patient's record changed. `changed` names the fields (`fullName`, `phone`, `email`,
 * `dateOfBirth`, `gender`, `bloodGroup`, `emergencyContacts`), never their values: no PHI.
 */
@DomainEventName('patients.PatientUpdated')
export class PatientUpdated extends DomainEvent {
  constructor(
    patientId: string,
    readonly changed: string[],
    readonly source: PatientChangeSource,
    at: Date,
  ) {
    super(patientId, at);
  }
}
