import { AuditLog, Clock, isUuid, NotFoundError, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StaffUserRepository } from '../../../domain/staff-user.repository';
import { SessionStore } from '../../ports/session-store';
import { StaffAccessPolicy } from '../../staff-access-policy';
import { DeleteStaffUser } from './delete-staff-user.command';

@CommandHandler(DeleteStaffUser)
export class DeleteStaffUserHandler implements ICommandHandler<DeleteStaffUser> {
  constructor(
    private readonly users: StaffUserRepository,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
    private readonly sessions: SessionStore,
  ) {}

  async execute({ actor, userId }: DeleteStaffUser): Promise<void> {
    const user = isUuid(userId) ? await this.users.findById(userId) : undefined;
    if (!user) throw new NotFoundError('Staff user');
    StaffAccessPolicy.enforce(StaffAccessPolicy.toAct(actor, 'delete', user));
    user.remove(this.clock.now());
    await this.uow.run(async () => {
      await this.users.save(user);
      await this.sessions.revokeAllOf(user.id, 'user deleted', this.clock.now());
      await this.audit.record({
        action: 'staff.deleted',
        actor,
        targetType: 'staff_user',
        targetId: user.id,
        metadata: { role: user.role, centreIds: user.centreIds },
      });
    });
  }
}
