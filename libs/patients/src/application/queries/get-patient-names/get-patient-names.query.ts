import { Query } from '@nestjs/cqrs';

/** A living patient's id and name. */
export interface PatientName {
  id: string;
  fullName: string | null;
}

/**
 * The names of many patients in one statement (unknown, malformed and deleted ids are left out).
 * Like GetPatient it writes no audit row and checks no caller: for other contexts' internal
 * look-ups such as the front desk board, which show a centre's own patients.
 */
export class GetPatientNames extends Query<PatientName[]> {
  constructor(readonly patientIds: readonly string[]) {
    super();
  }
}
