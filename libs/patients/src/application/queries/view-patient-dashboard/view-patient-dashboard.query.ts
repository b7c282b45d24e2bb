import type { Actor } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { PatientDashboardDto } from '../../dto/patient-record.dto';

/**
 * What the patients context puts on a patient's dashboard: the profile, whether it is complete
 * and which fields it lacks (appointments and payments are for booking and payments to add).
 * Same access and audit as ViewPatientProfile.
 */
export class ViewPatientDashboard extends Query<PatientDashboardDto> {
  constructor(
    readonly actor: Actor,
    readonly patientId: string,
  ) {
    super();
  }
}
