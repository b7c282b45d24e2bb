import type { Actor } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { FrontDeskQueueDto } from '../../dto/board.dto';

/**
 * The waiting room of a centre: today's checked-in patients (CHECKED_IN, local day of the
 * centre) in check-in order. Staff of the centre only.
 */
export class GetFrontDeskQueue extends Query<FrontDeskQueueDto> {
  constructor(
    readonly actor: Actor,
    readonly centreId: string,
  ) {
    super();
  }
}
