import { Actor } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { CentreDto } from '../../dto/centre.dto';

/** One centre; inactive ones only for ADMIN/MANAGER. Answers NOT_FOUND otherwise. */
export class GetCentre extends Query<CentreDto> {
  constructor(
    readonly centreId: string,
    readonly actor?: Actor,
  ) {
    super();
  }
}
