import { NotFoundError } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CENTRE_COLUMNS, CentreRow, centreRowToDto } from '../../centre-view';
import { seesInactiveCentres } from '../../centre-visibility';
import type { CentreDto } from '../../dto/centre.dto';
import { GetCentre } from './get-centre.query';

@QueryHandler(GetCentre)
export class GetCentreHandler implements IQueryHandler<GetCentre> {
  constructor(private readonly db: DataSource) {}

  async execute({ centreId, actor }: GetCentre): Promise<CentreDto> {
    const [row]: CentreRow[] = await this.db.query(
      `SELECT ${CENTRE_COLUMNS} FROM centres c
        WHERE c.id = $1 AND c.deleted_at IS NULL AND ($2::boolean OR c.is_active)`,
      [centreId, seesInactiveCentres(actor, true)],
    );
    if (!row) throw new NotFoundError('Centre');
    return centreRowToDto(row);
  }
}
