import { InMemorySessionStore } from '../../../testing/identity-fakes';
import { Actor, ForbiddenError, NotFoundError, Role } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import { aStaffUser } from '../../../testing/identity-fakes';
import {
  aStaffActor,
  CENTRE_A as A,
  ImmediateUnitOfWork,
  RecordingAuditLog,
  RecordingStaffUsers,
} from '../../../testing/staff-management-fakes';
import { DeleteStaffUser } from './delete-staff-user.command';
import { DeleteStaffUserHandler } from './delete-staff-user.handler';

const ID = '7b0c5c1e-3f5a-4d43-9a51-0f3c2a9d1e01';
const ADMIN_ID = '3c2d1e0f-1111-4a4a-8b8b-000000000002';
const admin = aStaffActor(Role.ADMIN, [], ADMIN_ID);
const manager = aStaffActor(Role.MANAGER);
const cmA = aStaffActor(Role.CENTRE_MANAGER, [A]);

describe('DeleteStaffUserHandler', () => {
  let users: RecordingStaffUsers;
  let audit: RecordingAuditLog;
  let sessions: InMemorySessionStore;
  let uow: ImmediateUnitOfWork;
  let handler: DeleteStaffUserHandler;
  const clock = new FixedClock(new Date('2026-03-03T08:00:00Z'));

  beforeEach(async () => {
    users = new RecordingStaffUsers();
    audit = new RecordingAuditLog();
    uow = new ImmediateUnitOfWork();
    sessions = new InMemorySessionStore();
    handler = new DeleteStaffUserHandler(
      users,
      clock,
      uow.asUnitOfWork(),
      audit.asAuditLog(),
      sessions,
    );
    await users.save(aStaffUser({ id: ID, centreIds: [A] }));
    await users.save(
      aStaffUser({ id: ADMIN_ID, role: Role.ADMIN, centreIds: [], username: 'root', phone: null }),
    );
    users.events.length = 0;
  });
  const remove = (actor: Actor, id = ID) => handler.execute(new DeleteStaffUser(actor, id));

  it('soft-deletes: inactive with deletedAt, gone from reads, StaffUserDeleted and staff.deleted together', async () => {
    await remove(cmA);
    expect(users.rows.get(ID)).toMatchObject({ isActive: false, deletedAt: clock.now() });
    expect(await users.findById(ID)).toBeUndefined();
    expect(users.eventNames).toEqual(['identity.StaffUserDeleted']);
    expect(audit.entries).toEqual([
      {
        action: 'staff.deleted',
        actor: cmA,
        targetType: 'staff_user',
        targetId: ID,
        metadata: { role: Role.FRONT_DESK, centreIds: [A] },
      },
    ]);
    expect(uow.runs).toBe(1);
    await expect(remove(cmA)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses deleting yourself, or an admin as a manager (FORBIDDEN); hides admins from centre managers', async () => {
    await expect(remove(admin, ADMIN_ID)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(remove(manager, ADMIN_ID)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(remove(cmA, ADMIN_ID)).rejects.toBeInstanceOf(NotFoundError);
    expect(users.events).toEqual([]);
    expect(audit.entries).toEqual([]);
  });
});
