import type { Actor } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { PatientDto } from '../../dto/patient.dto';

/**
 * A patient's profile (details and emergency contacts), checked by the patients access policy
 * (a patient reaches only their own) and audited as `patient.record.viewed`.
 */
export class ViewPatientProfile extends Query<PatientDto> {
  constructor(
    readonly actor: Actor,
    readonly patientId: string,
  ) {
    super();
  }
}
