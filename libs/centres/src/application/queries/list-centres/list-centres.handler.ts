import { offsetOf, Page, pageOf } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CENTRE_COLUMNS, CentreRow, centreRowToDto } from '../../centre-view';
import { seesInactiveCentres } from '../../centre-visibility';
import type { CentreDto } from '../../dto/centre.dto';
import { ListCentres } from './list-centres.query';

@QueryHandler(ListCentres)
export class ListCentresHandler implements IQueryHandler<ListCentres> {
  constructor(private readonly db: DataSource) {}

  async execute({ filter, actor }: ListCentres): Promise<Page<CentreDto>> {
    const rows: Array<CentreRow & { total: string }> = await this.db.query(
      `SELECT ${CENTRE_COLUMNS}, count(*) OVER () AS total
         FROM centres c
        WHERE c.deleted_at IS NULL
          AND ($1::boolean OR c.is_active)
          AND ($2::citext IS NULL OR c.city = $2::citext)
        ORDER BY c.city, c.name, c.id
        LIMIT $3 OFFSET $4`,
      [seesInactiveCentres(actor, filter.includeInactive ?? false), filter.city ?? null, filter.limit, offsetOf(filter)],
    );
    return pageOf(rows.map(centreRowToDto), Number(rows[0]?.total ?? 0), filter);
  }
}
