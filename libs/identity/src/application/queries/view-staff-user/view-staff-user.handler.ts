import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type { StaffUserDto } from '../../dto/staff-user.dto';
import { StaffAccessPolicy } from '../../staff-access-policy';
import { GetStaffUser } from '../get-staff-user/get-staff-user.query';
import { ViewStaffUser } from './view-staff-user.query';

/** GetStaffUser, then the access policy: the read model stays in one place. */
@QueryHandler(ViewStaffUser)
export class ViewStaffUserHandler implements IQueryHandler<ViewStaffUser> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ actor, userId }: ViewStaffUser): Promise<StaffUserDto> {
    const user = await this.queries.execute(new GetStaffUser(userId));
    StaffAccessPolicy.enforce(StaffAccessPolicy.toAct(actor, 'view', user));
    return user;
  }
}
