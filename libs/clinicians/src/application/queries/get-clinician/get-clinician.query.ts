import type { Actor } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { ClinicianDto } from '../../dto/clinician.dto';

/**
 * One clinician's profile. Inactive clinicians only for the clinician themself and those who
 * manage them (`actor`); NOT_FOUND otherwise, and for unknown or deleted ones.
 */
export class GetClinician extends Query<ClinicianDto> {
  constructor(
    readonly clinicianId: string,
    readonly actor?: Actor,
  ) {
    super();
  }
}
