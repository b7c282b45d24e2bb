import type { Actor, Page } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { PatientSummaryDto } from '../../dto/patient-record.dto';

/**
 * Staff search over all living patients: by name (every word a case-insensitive substring, best
 * matches first) or by phone prefix; without a term, newest records first. Audited once per
 * search as `patient.search` with the number of hits (not one row per patient).
 */
export class SearchPatients extends Query<Page<PatientSummaryDto>> {
  constructor(
    readonly actor: Actor,
    readonly filter: { search?: string; page: number; limit: number },
  ) {
    super();
  }
}
