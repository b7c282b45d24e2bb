import { Query } from '@nestjs/cqrs';
import type { ClinicianSchedule } from '../get-clinician-schedule/clinician-schedule';

/**
 * The schedules of many clinicians in one query (directory search, batch slot computation), in
 * the order of `clinicianIds`; unknown, deleted and repeated ids are left out.
 */
export class GetClinicianSchedules extends Query<ClinicianSchedule[]> {
  constructor(readonly clinicianIds: readonly string[]) {
    super();
  }
}
