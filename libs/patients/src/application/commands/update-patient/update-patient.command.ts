import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { PatientChanges } from '../../../domain/patient';
import type { PatientDto } from '../../dto/patient.dto';

/**
 * Changes a patient's record, by staff or by the patient themself (who may not change the phone
 * they sign in with: 403). Omitted fields keep their value; `null` clears an optional one.
 * NOT_FOUND outside the actor's reach; 409 PATIENT_PHONE_TAKEN; audited as
 * `patient.record.updated` with the names of the fields that changed.
 */
export class UpdatePatient extends Command<PatientDto> {
  constructor(
    readonly actor: Actor,
    readonly patientId: string,
    readonly changes: PatientChanges,
  ) {
    super();
  }
}
