import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { StaffUserDto } from '../../dto/staff-user.dto';

/**
 * Deactivates an active staff user (who can then no longer sign in) or activates a deactivated
 * one. Nobody toggles themselves.
 */
export class ToggleStaffUserActive extends Command<StaffUserDto> {
  constructor(
    readonly actor: Actor,
    readonly userId: string,
  ) {
    super();
  }
}
