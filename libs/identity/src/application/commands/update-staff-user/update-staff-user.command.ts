import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { StaffUserDto } from '../../dto/staff-user.dto';
import type { StaffUserInput } from '../create-staff-user/create-staff-user.command';

/**
 * Changes a staff user on behalf of `actor`; omitted fields keep their value, and a password
 * replaces the old one. Role and centre changes follow the same rules as creating.
 */
export class UpdateStaffUser extends Command<StaffUserDto> {
  constructor(
    readonly actor: Actor,
    readonly userId: string,
    readonly changes: Partial<StaffUserInput>,
  ) {
    super();
  }
}
