import { AuditLog, Clock, isUuid, NotFoundError, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StaffUserRepository } from '../../../domain/staff-user.repository';
import { SessionStore } from '../../ports/session-store';
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
    private readonly sessions: SessionStore,
  ) {}

  async execute({ actor, userId }: ToggleStaffUserActive): Promise<StaffUserDto> {
    const user = isUuid(userId) ? await this.users.findById(userId) : undefined;
    if (!user) throw new NotFoundError('Staff user');
    StaffAccessPolicy.enforce(StaffAccessPolicy.toAct(actor, 'toggle-active', user));
    user.toggleActive(this.clock.now());
    await this.uow.run(async () => {
      await this.users.save(user);
      // Deactivation signs the user out everywhere: every refresh-token family is revoked.
      if (!user.isActive)
        await this.sessions.revokeAllOf(user.id, 'user deactivated', this.clock.now());
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
