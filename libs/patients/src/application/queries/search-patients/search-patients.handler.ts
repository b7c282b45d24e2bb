import { AuditLog, offsetOf, Page, pageOf, UnitOfWork } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Gender } from '../../../domain/patient-profile';
import type { PatientSummaryDto } from '../../dto/patient-record.dto';
import { PatientAccessPolicy } from '../../patient-access-policy';
import { parsePatientSearch, searchSql } from './patient-search';
import { SearchPatients } from './search-patients.query';

interface SummaryRow {
  id: string;
  full_name: string | null;
  phone: string;
  date_of_birth: string | null;
  gender: Gender | null;
  created_at: Date;
}

@QueryHandler(SearchPatients)
export class SearchPatientsHandler implements IQueryHandler<SearchPatients> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, filter }: SearchPatients): Promise<Page<PatientSummaryDto>> {
    PatientAccessPolicy.enforce(PatientAccessPolicy.toAct(actor, 'search'));
    const search = parsePatientSearch(filter.search);
    const page = searchSql(search, 3);
    const count = searchSql(search, 1);
    return this.uow.run(async (manager) => {
      const rows: SummaryRow[] = await manager.query(
        `SELECT p.id, p.full_name, p.phone, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
                p.gender, p.created_at
           FROM patients p
          WHERE ${page.where}
          ORDER BY ${page.orderBy}
          LIMIT $1 OFFSET $2`,
        [filter.limit, offsetOf(filter), ...page.whereParams, ...page.orderParams],
      );
      // Counted apart: a page past the end still answers the true total.
      const [{ total }]: Array<{ total: number }> = await manager.query(
        `SELECT count(*)::int AS total FROM patients p WHERE ${count.where}`,
        count.whereParams,
      );
      // One event per search, with the count; the search term itself (a name, a phone) stays out.
      await this.audit.record({
        action: 'patient.search',
        actor,
        metadata: { kind: search.kind, resultCount: rows.length, total },
      });
      return pageOf(rows.map(toSummary), total, filter);
    });
  }
}

function toSummary(row: SummaryRow): PatientSummaryDto {
  return {
    id: row.id,
    fullName: row.full_name,
    phone: row.phone,
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    createdAt: row.created_at.toISOString(),
  };
}
