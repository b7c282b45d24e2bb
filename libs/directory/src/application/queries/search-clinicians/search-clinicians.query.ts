import { Page, pageOf } from '@carebook/core';
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

/**
 * A page of the directory holding its items as the JSON text the database wrote (compact, in
 * the shape of ClinicianSummaryDto): the route writes it as it is (`json()`), without parsing
 * ~10 kB of JSON only to stringify it again. `items` parses it for in-process readers.
 */
export class ClinicianSummaryPage implements Page<ClinicianSummaryDto> {
  constructor(
    /** The items, in order, as a JSON array. */
    readonly itemsJson: string,
    readonly total: number,
    readonly page: number,
    readonly limit: number,
  ) {}

  /** The items as objects (parsed at each read). */
  get items(): ClinicianSummaryDto[] {
    return JSON.parse(this.itemsJson) as ClinicianSummaryDto[];
  }

  /** `{ items, page, limit, total }` as JSON: the bytes `JSON.stringify(pageOf(items, total, query))` writes. */
  json(): string {
    return `{"items":${this.itemsJson},"page":${this.page},"limit":${this.limit},"total":${this.total}}`;
  }

  toJSON(): Page<ClinicianSummaryDto> {
    return pageOf(this.items, this.total, this);
  }
}

/** The public clinician directory: filters, distance, sorting and next free slot, in one query. */
export class SearchClinicians extends Query<ClinicianSummaryPage> {
  constructor(readonly search: ClinicianSearch) {
    super();
  }
}
