import { AuditLog, Clock, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StaffUser } from '../../../domain/staff-user';
import {
  assertValidProfile,
  normaliseProfile,
  StaffUserProfile,
} from '../../../domain/staff-user-profile';
import { StaffUserRepository } from '../../../domain/staff-user.repository';
import type { StaffUserDto } from '../../dto/staff-user.dto';
import { PasswordHasher } from '../../ports/password-hasher';
import { StaffAccessPolicy } from '../../staff-access-policy';
import { staffUserStateToDto } from '../../staff-user-view';
import { CreateStaffUser } from './create-staff-user.command';

@CommandHandler(CreateStaffUser)
export class CreateStaffUserHandler implements ICommandHandler<CreateStaffUser> {
  constructor(
    private readonly users: StaffUserRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, input }: CreateStaffUser): Promise<StaffUserDto> {
    const profile: StaffUserProfile = normaliseProfile({
      fullName: input.fullName,
      phone: input.phone,
      email: input.email ?? null,
      username: input.username ?? null,
      role: input.role,
      centreIds: input.centreIds,
    });
    StaffAccessPolicy.enforce(StaffAccessPolicy.toCreate(actor, profile));
    // Checked before hashing, so a bad request does not cost a password hash.
    assertValidProfile(profile);
    const passwordHash =
      input.password === undefined ? null : await this.hasher.hash(input.password);
    const user = StaffUser.register(profile, passwordHash, this.clock.now());
    await this.uow.run(async () => {
      await this.users.save(user);
      await this.audit.record({
        action: 'staff.created',
        actor,
        targetType: 'staff_user',
        targetId: user.id,
        metadata: { role: user.role, centreIds: user.centreIds },
      });
    });
    return staffUserStateToDto(user.snapshot());
  }
}
