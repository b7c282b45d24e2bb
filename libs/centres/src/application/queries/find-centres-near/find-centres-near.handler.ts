import { offsetOf, Page, pageOf } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CENTRE_COLUMNS, CentreRow, centreRowToDto } from '../../centre-view';
import type { CentreDto } from '../../dto/centre.dto';
import { FindCentresNear } from './find-centres-near.query';

/**
 * PostGIS does the work: `ST_DWithin` filters through the GiST index and the KNN operator
 * `<->` orders by true (spheroid) distance, so nothing is computed per row in JavaScript.
 */
@QueryHandler(FindCentresNear)
export class FindCentresNearHandler implements IQueryHandler<FindCentresNear> {
  constructor(private readonly db: DataSource) {}

  async execute({ near }: FindCentresNear): Promise<Page<CentreDto>> {
    const rows: Array<CentreRow & { total: string }> = await this.db.query(
      `WITH here AS (SELECT ST_SetSRID(ST_MakePoint($2, $1), 4326)::geography AS point)
       SELECT ${CENTRE_COLUMNS},
              ST_Distance(c.location, here.point) / 1000 AS distance_km,
              count(*) OVER () AS total
         FROM centres c, here
        WHERE c.deleted_at IS NULL AND c.is_active
          AND ST_DWithin(c.location, here.point, $3 * 1000)
          AND ($4::citext IS NULL OR c.city = $4::citext)
        ORDER BY c.location <-> here.point, c.id
        LIMIT $5 OFFSET $6`,
      [near.lat, near.lng, near.radiusKm, near.city ?? null, near.limit, offsetOf(near)],
    );
    return pageOf(rows.map(centreRowToDto), Number(rows[0]?.total ?? 0), near);
  }
}
