import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';

/**
 * Removes a clinician and their staff user in one transaction (soft delete: history stays;
 * no new bookings, gone from search, no more sign-in). 404 outside the actor's reach.
 */
export class DeleteClinician extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly clinicianId: string,
  ) {
    super();
  }
}
