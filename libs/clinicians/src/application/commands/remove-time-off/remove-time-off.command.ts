import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';

/**
 * Cancels a clinician's time off, on behalf of the clinician themself or a manager of theirs;
 * 404 for anyone else and for time off that is not this clinician's.
 */
export class RemoveTimeOff extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly clinicianId: string,
    readonly timeOffId: string,
  ) {
    super();
  }
}
