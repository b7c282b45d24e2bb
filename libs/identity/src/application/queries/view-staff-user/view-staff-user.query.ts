import type { Actor } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { StaffUserDto } from '../../dto/staff-user.dto';

/**
 * One staff user as `actor` may see them: NOT_FOUND when deleted, unknown, or outside the
 * actor's reach (a CENTRE_MANAGER sees only users sharing one of their centres).
 */
export class ViewStaffUser extends Query<StaffUserDto> {
  constructor(
    readonly actor: Actor,
    readonly userId: string,
  ) {
    super();
  }
}
