import type { Actor, Page, Role } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { StaffUserDto } from '../../dto/staff-user.dto';

export interface StaffUserFilter {
  role?: Role;
  centreId?: string;
  /** A part of the name, the start of the username, or digits of the phone. */
  search?: string;
  isActive?: boolean;
  page: number;
  limit: number;
}

/**
 * Non-deleted staff users the actor may see (CENTRE_MANAGER: users sharing one of their
 * centres), by name.
 */
export class ListStaffUsers extends Query<Page<StaffUserDto>> {
  constructor(
    readonly actor: Actor,
    readonly filter: StaffUserFilter,
  ) {
    super();
  }
}
