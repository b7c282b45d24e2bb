import { Query } from '@nestjs/cqrs';
import type { ClinicianSchedule } from './clinician-schedule';

/** One clinician's schedule (inactive ones too: see `isActive`); NOT_FOUND when unknown or deleted. */
export class GetClinicianSchedule extends Query<ClinicianSchedule> {
  constructor(readonly clinicianId: string) {
    super();
  }
}
