import { AuditLog, Clock, isUuid, NotFoundError, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StaffUserRepository } from '../../../domain/staff-user.repository';
import type { StaffUserDto } from '../../dto/staff-user.dto';
import { StaffAccessPolicy } from '../../staff-access-policy';
import { staffUserStateToDto } from '../../staff-user-view';
import { ToggleStaffUserActive } from './toggle-staff-user-active.command';

@CommandHandler(ToggleStaffUserActive)
export class ToggleStaffUserActiveHandler implements ICommandHandler<ToggleStaffUserActive> {
  constructor(
    private readonly users: StaffUserRepository,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, userId }: ToggleStaffUserActive): Promise<StaffUserDto> {
    const user = isUuid(userId) ? await this.users.findById(userId) : undefined;
    if (!user) throw new NotFoundError('Staff user');
    StaffAccessPolicy.enforce(StaffAccessPolicy.toAct(actor, 'toggle-active', user));
    user.toggleActive(this.clock.now());
    await this.uow.run(async () => {
      await this.users.save(user);
      await this.audit.record({
        action: user.isActive ? 'staff.activated' : 'staff.deactivated',
        actor,
        targetType: 'staff_user',
        targetId: user.id,
      });
    });
    return staffUserStateToDto(user.snapshot());
  }
}
