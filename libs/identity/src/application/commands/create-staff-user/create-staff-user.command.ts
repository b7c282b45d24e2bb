import type { Actor, Role } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { StaffUserDto } from '../../dto/staff-user.dto';

/** What an administrator states about a new staff user (the phone already E.164). */
export interface StaffUserInput {
  fullName: string;
  phone: string;
  email?: string | null;
  username?: string | null;
  /** Plain text; hashed by the handler and never stored. */
  password?: string;
  role: Role;
  centreIds: string[];
}

/**
 * Registers a staff user on behalf of `actor`: 403 FORBIDDEN when the actor may not create
 * this role in these centres, 409 PHONE_TAKEN / USERNAME_TAKEN, 400 for an unknown centre.
 */
export class CreateStaffUser extends Command<StaffUserDto> {
  constructor(
    readonly actor: Actor,
    readonly input: StaffUserInput,
  ) {
    super();
  }
}
