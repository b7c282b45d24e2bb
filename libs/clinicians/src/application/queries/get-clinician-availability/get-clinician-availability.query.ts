import type { Actor } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { AvailabilityDto } from '../../dto/availability.dto';

/**
 * A clinician's weekly rules and the time off not yet over. Reasons of time off, and inactive
 * clinicians, only for the clinician themself and those who manage them (`actor`).
 */
export class GetClinicianAvailability extends Query<AvailabilityDto> {
  constructor(
    readonly clinicianId: string,
    readonly actor?: Actor,
  ) {
    super();
  }
}
