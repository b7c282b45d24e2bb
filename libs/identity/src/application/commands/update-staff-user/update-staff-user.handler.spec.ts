import { Actor, ForbiddenError, NotFoundError, Role, ValidationFailedError } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import { aStaffUser, FakePasswordHasher } from '../../../testing/identity-fakes';
import {
  aStaffActor,
  CENTRE_A as A,
  CENTRE_B as B,
  ImmediateUnitOfWork,
  RecordingAuditLog,
  RecordingStaffUsers,
} from '../../../testing/staff-management-fakes';
import type { StaffUserInput } from '../create-staff-user/create-staff-user.command';
import { UpdateStaffUser } from './update-staff-user.command';
import { UpdateStaffUserHandler } from './update-staff-user.handler';

const ID = '7b0c5c1e-3f5a-4d43-9a51-0f3c2a9d1e01';
const admin = aStaffActor(Role.ADMIN);
const manager = aStaffActor(Role.MANAGER);
const cmA = aStaffActor(Role.CENTRE_MANAGER, [A]);
const cmB = aStaffActor(Role.CENTRE_MANAGER, [B]);

describe('UpdateStaffUserHandler', () => {
  let users: RecordingStaffUsers;
  let audit: RecordingAuditLog;
  let handler: UpdateStaffUserHandler;
  const clock = new FixedClock(new Date('2026-03-02T10:00:00Z'));

  beforeEach(async () => {
    users = new RecordingStaffUsers();
    audit = new RecordingAuditLog();
    const uow = new ImmediateUnitOfWork().asUnitOfWork();
    handler = new UpdateStaffUserHandler(
      users,
      new FakePasswordHasher(),
      clock,
      uow,
      audit.asAuditLog(),
    );
    await users.save(aStaffUser({ id: ID, centreIds: [A], email: 'asha@carebook.example' }));
    users.events.length = 0;
  });
  const update = (actor: Actor, changes: Partial<StaffUserInput>, id = ID) =>
    handler.execute(new UpdateStaffUser(actor, id, changes));

  it('changes only the given fields, clears email with null, and records StaffUserUpdated', async () => {
    const dto = await update(cmA, { fullName: 'Asha R. Rao', email: null });
    expect(dto).toMatchObject({
      fullName: 'Asha R. Rao',
      email: null,
      phone: '+919800000001',
      username: 'asha',
      role: Role.FRONT_DESK,
      centreIds: [A],
    });
    expect(users.rows.get(ID)?.updatedAt).toEqual(clock.now());
    expect(users.events).toEqual([
      expect.objectContaining({
        eventName: 'identity.StaffUserUpdated',
        changed: ['fullName', 'email'],
      }),
    ]);
    expect(audit.entries).toEqual([]);
  });

  it('records StaffUserRoleChanged and staff.role_changed with before and after', async () => {
    await update(manager, { role: Role.CENTRE_MANAGER, centreIds: [B, A] });
    const change = {
      previousRole: Role.FRONT_DESK,
      role: Role.CENTRE_MANAGER,
      previousCentreIds: [A],
      centreIds: [A, B],
    };
    expect(users.events).toEqual([
      expect.objectContaining({ eventName: 'identity.StaffUserRoleChanged', ...change }),
    ]);
    expect(audit.entries).toEqual([
      {
        action: 'staff.role_changed',
        actor: manager,
        targetType: 'staff_user',
        targetId: ID,
        metadata: change,
      },
    ]);
  });

  it('hashes a new password (StaffUserPasswordChanged, staff.password_changed); a no-op records nothing', async () => {
    await update(admin, { password: 'a-brand-new-password' });
    expect(users.rows.get(ID)?.passwordHash).toBe('hashed:a-brand-new-password');
    expect(users.eventNames).toEqual(['identity.StaffUserPasswordChanged']);
    expect(audit.entries.map((e) => e.action)).toEqual(['staff.password_changed']);
    expect(JSON.stringify(audit.entries)).not.toContain('a-brand-new-password');
    await update(admin, { fullName: 'Asha Rao', centreIds: [A.toUpperCase()] });
    expect(users.eventNames).toEqual(['identity.StaffUserPasswordChanged']);
    expect(audit.entries).toHaveLength(1);
  });

  it("answers NOT_FOUND outside the actor's reach and for unknown or malformed ids", async () => {
    await expect(update(cmB, { fullName: 'X' })).rejects.toBeInstanceOf(NotFoundError);
    const unknown = update(admin, {}, '5b1c8f58-2f2c-4f55-9d3f-1f6c3b7f7a99');
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    await expect(update(admin, {}, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses promotions beyond the actor (FORBIDDEN) and bad profiles (VALIDATION_FAILED)', async () => {
    const promote = update(manager, { role: Role.MANAGER, centreIds: [] });
    await expect(promote).rejects.toBeInstanceOf(ForbiddenError);
    await expect(update(cmA, { centreIds: [A, B] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(update({ ...admin, id: ID }, { role: Role.CAREGIVER })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // Network-wide roles take no centres: promoting needs `centreIds: []`.
    const keepsCentres = update(admin, { role: Role.MANAGER });
    await expect(keepsCentres).rejects.toBeInstanceOf(ValidationFailedError);
    const noLogin = update(admin, { phone: null as unknown as string, username: null });
    await expect(noLogin).rejects.toBeInstanceOf(ValidationFailedError);
    expect(users.rows.get(ID)?.role).toBe(Role.FRONT_DESK);
    expect(users.events).toEqual([]);
    expect(audit.entries).toEqual([]);
  });
});
