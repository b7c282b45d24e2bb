import { Clock, Page, pageOf } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ClinicianSummaryDto } from '../../dto/directory.dto';
import { buildDirectorySql } from './directory-sql';
import { SearchClinicians } from './search-clinicians.query';

/** The one row the directory query answers: the page's items, already in their DTO shape (JSON). */
interface DirectoryPageRow {
  items: ClinicianSummaryDto[];
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
    const [row]: DirectoryPageRow[] = await this.db.query(sql, params);
    return pageOf(row.items, Number(row.total), search);
  }
}
