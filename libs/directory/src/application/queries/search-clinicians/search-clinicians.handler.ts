import { Clock } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { buildDirectorySql } from './directory-sql';
import { ClinicianSummaryPage, SearchClinicians } from './search-clinicians.query';

/** A row of the directory query: one page item, in order, as compact JSON, with the search's total. */
interface DirectoryItemRow {
  clinician_id: string;
  total: string;
  item: string;
}

/** One SQL round trip per search, whatever the page size: no per-clinician follow-up query. */
@QueryHandler(SearchClinicians)
export class SearchCliniciansHandler implements IQueryHandler<SearchClinicians> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ search }: SearchClinicians): Promise<ClinicianSummaryPage> {
    const { sql, params } = buildDirectorySql(search, this.clock.now());
    const rows: DirectoryItemRow[] = await this.db.query(sql, params);
    const items = rows.length === 0 ? '[]' : `[${rows.map((r) => r.item).join(',')}]`;
    return new ClinicianSummaryPage(items, rows.length === 0 ? 0 : Number(rows[0].total), search.page, search.limit);
  }
}
