import { Clock, Page, pageOf } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ClinicianSummaryDto } from '../../dto/directory.dto';
import { buildDirectorySql } from './directory-sql';
import { SearchClinicians } from './search-clinicians.query';

interface DirectoryRow {
  clinician_id: string;
  full_name: string;
  specializations: string[];
  qualifications: string[];
  languages: string[];
  years_of_experience: number;
  fee_amount: number;
  fee_currency: string;
  slot_minutes: number;
  photo_url: string | null;
  primary_centre_id: string;
  primary_centre_name: string;
  city: string;
  centre_ids: string[];
  session_types: string[];
  distance_km: number | null;
  next_slot: Date | null;
  total: string;
}

/** One SQL round trip per search, whatever the page size: no per-clinician follow-up query. */
@QueryHandler(SearchClinicians)
export class SearchCliniciansHandler implements IQueryHandler<SearchClinicians> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ search }: SearchClinicians): Promise<Page<ClinicianSummaryDto>> {
    const { sql, params } = buildDirectorySql(search, this.clock.now());
    const rows: DirectoryRow[] = await this.db.query(sql, params);
    return pageOf(rows.map(toSummary), Number(rows[0]?.total ?? 0), search);
  }
}

function toSummary(r: DirectoryRow): ClinicianSummaryDto {
  const dto: ClinicianSummaryDto = {
    id: r.clinician_id,
    fullName: r.full_name,
    specializations: r.specializations,
    qualifications: r.qualifications,
    languages: r.languages,
    yearsOfExperience: r.years_of_experience,
    consultationFee: { amount: r.fee_amount, currency: r.fee_currency.trim() },
    consultationDurationMinutes: r.slot_minutes,
    photoUrl: r.photo_url,
    primaryCentre: { id: r.primary_centre_id, name: r.primary_centre_name, city: r.city },
    centreIds: r.centre_ids,
    sessionTypes: r.session_types,
    nextAvailableSlot: r.next_slot ? new Date(r.next_slot).toISOString() : null,
  };
  if (r.distance_km !== null) dto.distanceKm = Math.round(Number(r.distance_km) * 100) / 100;
  return dto;
}
