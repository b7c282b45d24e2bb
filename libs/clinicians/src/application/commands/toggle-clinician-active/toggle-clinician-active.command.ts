import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { ClinicianDto } from '../../dto/clinician.dto';

/**
 * Switches a clinician off for booking and search, or back on. Their staff user can still sign
 * in (to see past appointments); 404 outside the actor's reach.
 */
export class ToggleClinicianActive extends Command<ClinicianDto> {
  constructor(
    readonly actor: Actor,
    readonly clinicianId: string,
  ) {
    super();
  }
}
