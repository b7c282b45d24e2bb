import { isUuid, NotFoundError } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { StaffUserDto } from '../../dto/staff-user.dto';
import { STAFF_USER_COLUMNS, StaffUserRow, staffUserRowToDto } from '../../staff-user-view';
import { GetStaffUser } from './get-staff-user.query';

@QueryHandler(GetStaffUser)
export class GetStaffUserHandler implements IQueryHandler<GetStaffUser> {
  constructor(private readonly db: DataSource) {}

  async execute({ userId }: GetStaffUser): Promise<StaffUserDto> {
    // Not a UUID cannot be anyone; answering here keeps PostgreSQL's cast error out of it.
    if (!isUuid(userId)) throw new NotFoundError('Staff user');
    const [row]: StaffUserRow[] = await this.db.query(
      `SELECT ${STAFF_USER_COLUMNS}
         FROM staff_users u
         LEFT JOIN staff_user_centres uc ON uc.user_id = u.id
        WHERE u.id = $1 AND u.deleted_at IS NULL
        GROUP BY u.id`,
      [userId],
    );
    if (!row) throw new NotFoundError('Staff user');
    return staffUserRowToDto(row);
  }
}
