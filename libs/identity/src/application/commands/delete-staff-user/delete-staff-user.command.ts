import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';

/**
 * Removes a staff user (soft delete: the row stays for history; they can no longer sign in and
 * their phone and username are free again). Nobody deletes themselves.
 */
export class DeleteStaffUser extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly userId: string,
  ) {
    super();
  }
}
