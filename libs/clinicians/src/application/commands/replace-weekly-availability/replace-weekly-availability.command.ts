import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { AvailabilityRuleInput } from '../../../domain/weekly-availability';
import type { AvailabilityDto } from '../../dto/availability.dto';

/**
 * Replaces a clinician's weekly rules as a whole, on behalf of the clinician themself or a
 * manager of theirs: 404 for anyone else, 403 for a CENTRE_MANAGER changing rules at another
 * centre, 400 VALIDATION_FAILED naming `rules[i]` for a bad or overlapping rule.
 */
export class ReplaceWeeklyAvailability extends Command<AvailabilityDto> {
  constructor(
    readonly actor: Actor,
    readonly clinicianId: string,
    readonly rules: AvailabilityRuleInput[],
  ) {
    super();
  }
}
