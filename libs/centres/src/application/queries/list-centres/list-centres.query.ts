import { Actor, Page } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { CentreDto } from '../../dto/centre.dto';

/** Centres in name order, optionally of one city. */
export class ListCentres extends Query<Page<CentreDto>> {
  constructor(
    readonly filter: { city?: string; includeInactive?: boolean; page: number; limit: number },
    readonly actor?: Actor,
  ) {
    super();
  }
}
