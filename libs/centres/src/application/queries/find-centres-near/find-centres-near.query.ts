import { Page } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { CentreDto } from '../../dto/centre.dto';

/** Active centres within `radiusKm` of a point, nearest first, each with `distanceKm`. */
export class FindCentresNear extends Query<Page<CentreDto>> {
  constructor(
    readonly near: { lat: number; lng: number; radiusKm: number; city?: string; page: number; limit: number },
  ) {
    super();
  }
}
