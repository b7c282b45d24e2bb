import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { TimeOffDto } from '../../dto/availability.dto';

/**
 * Plans time off `[startsAt, endsAt)` for a clinician, on behalf of the clinician themself or a
 * manager of theirs (404 for anyone else); 400 when `endsAt` is not after `startsAt`.
 */
export class AddTimeOff extends Command<TimeOffDto> {
  constructor(
    readonly actor: Actor,
    readonly clinicianId: string,
    readonly timeOff: { startsAt: Date; endsAt: Date; reason: string },
  ) {
    super();
  }
}
