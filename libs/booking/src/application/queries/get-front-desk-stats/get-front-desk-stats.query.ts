import type { Actor } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { FrontDeskStatsDto } from '../../dto/board.dto';

/**
 * The front desk's day at a centre: counts by state and the appointments starting on the local
 * `date` (default today in the centre's zone), with patient names. Staff of the centre only.
 */
export class GetFrontDeskStats extends Query<FrontDeskStatsDto> {
  constructor(
    readonly actor: Actor,
    readonly centreId: string,
    readonly date?: string,
  ) {
    super();
  }
}
