import { AuditLog, Clock, isUuid, NotFoundError, UnitOfWork } from '@carebook/core';
import type { AuditEntry } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { StaffUserState } from '../../../domain/staff-user';
import { StaffUserRepository } from '../../../domain/staff-user.repository';
import type { StaffUserDto } from '../../dto/staff-user.dto';
import { PasswordHasher } from '../../ports/password-hasher';
import { StaffAccessPolicy } from '../../staff-access-policy';
import { staffUserStateToDto } from '../../staff-user-view';
import { UpdateStaffUser } from './update-staff-user.command';

@CommandHandler(UpdateStaffUser)
export class UpdateStaffUserHandler implements ICommandHandler<UpdateStaffUser> {
  constructor(
    private readonly users: StaffUserRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, userId, changes }: UpdateStaffUser): Promise<StaffUserDto> {
    const user = isUuid(userId) ? await this.users.findById(userId) : undefined;
    if (!user) throw new NotFoundError('Staff user');
    const next = {
      role: changes.role ?? user.role,
      centreIds: changes.centreIds ?? user.centreIds,
    };
    StaffAccessPolicy.enforce(StaffAccessPolicy.toAct(actor, 'update', user, next));
    const now = this.clock.now();
    const before = user.snapshot();
    const { password, ...profile } = changes;
    user.revise(profile, now);
    // After revise, so an invalid profile does not cost a password hash.
    if (password !== undefined) user.changePassword(await this.hasher.hash(password), now);
    const entries = auditEntries(before, user.snapshot(), password !== undefined);
    await this.uow.run(async () => {
      await this.users.save(user);
      for (const entry of entries) await this.audit.record({ ...entry, actor });
    });
    return staffUserStateToDto(user.snapshot());
  }
}

/** Security-relevant changes: who may see what (role, centres) and credentials. */
function auditEntries(
  before: Readonly<StaffUserState>,
  after: Readonly<StaffUserState>,
  passwordChanged: boolean,
): AuditEntry[] {
  const target = { targetType: 'staff_user', targetId: after.id };
  const centres = (ids: readonly string[]) => [...ids].sort();
  const entries: AuditEntry[] = [];
  if (
    before.role !== after.role ||
    centres(before.centreIds).join() !== centres(after.centreIds).join()
  ) {
    const metadata = {
      previousRole: before.role,
      role: after.role,
      previousCentreIds: centres(before.centreIds),
      centreIds: centres(after.centreIds),
    };
    entries.push({ action: 'staff.role_changed', ...target, metadata });
  }
  if (passwordChanged) entries.push({ action: 'staff.password_changed', ...target });
  return entries;
}
