import type { Actor, Page } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { PatientStatusEntryDto } from '../../dto/patient-record.dto';

/**
 * A patient's status history (as care reports recorded it), newest first; an empty page when
 * there is none. NOT_FOUND for an unknown patient; audited as `patient.record.viewed`.
 */
export class ListPatientStatusHistory extends Query<Page<PatientStatusEntryDto>> {
  constructor(
    readonly actor: Actor,
    readonly patientId: string,
    readonly paging: { page: number; limit: number },
  ) {
    super();
  }
}
