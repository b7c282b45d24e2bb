import { Page } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { ClinicianSummaryDto, DirectorySort } from '../../dto/directory.dto';

export interface ClinicianSearch {
  specialization?: string;
  centreId?: string;
  city?: string;
  language?: string;
  name?: string;
  minFee?: number;
  maxFee?: number;
  sessionType?: 'IN_PERSON' | 'ONLINE';
  near?: { lat: number; lng: number; radiusKm: number };
  availableFrom?: Date;
  availableTo?: Date;
  sort?: DirectorySort;
  page: number;
  limit: number;
}

/** The public clinician directory: filters, distance, sorting and next free slot, in one query. */
export class SearchClinicians extends Query<Page<ClinicianSummaryDto>> {
  constructor(readonly search: ClinicianSearch) {
    super();
  }
}
