import { DomainEvent, DomainEventName } from '@carebook/core';

/** A patient record was opened, by the patient's first sign-in or by staff. Carries no PHI. */
@DomainEventName('patients.PatientRegistered')
export class PatientRegistered extends DomainEvent {
  constructor(
    patientId: string,
    readonly source: 'SELF' | 'STAFF',
    at: Date,
  ) {
    super(patientId, at);
  }
}
