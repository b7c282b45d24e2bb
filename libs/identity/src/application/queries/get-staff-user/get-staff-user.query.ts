import { Query } from '@nestjs/cqrs';
import type { StaffUserDto } from '../../dto/staff-user.dto';

/** One non-deleted staff user with role and centres. Answers NOT_FOUND otherwise. */
export class GetStaffUser extends Query<StaffUserDto> {
  constructor(readonly userId: string) {
    super();
  }
}
