import type { Actor } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { PatientRecordDto } from '../../dto/patient-record.dto';

/**
 * The record as staff open it (profile and notes, newest first), checked by the patients access
 * policy and audited as `patient.record.viewed`.
 */
export class ViewPatientRecord extends Query<PatientRecordDto> {
  constructor(
    readonly actor: Actor,
    readonly patientId: string,
  ) {
    super();
  }
}
