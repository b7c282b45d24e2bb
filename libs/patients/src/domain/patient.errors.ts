import { ConflictError, registerErrorStatus } from '@carebook/core';

registerErrorStatus({ PATIENT_PHONE_TAKEN: 409 });

/** Another living patient already has this phone (the phone is how a patient signs in). */
export class PatientPhoneTakenError extends ConflictError {
  override readonly code = 'PATIENT_PHONE_TAKEN';
  constructor() {
    super('Another patient already has this phone number.');
  }
}
