import { InMemorySessionStore } from '../../../testing/identity-fakes';
import { Actor, ForbiddenError, NotFoundError, Role } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import { aStaffUser } from '../../../testing/identity-fakes';
import {
  aStaffActor,
  CENTRE_A as A,
  CENTRE_B as B,
  ImmediateUnitOfWork,
  RecordingAuditLog,
  RecordingStaffUsers,
} from '../../../testing/staff-management-fakes';
import { ToggleStaffUserActive } from './toggle-staff-user-active.command';
import { ToggleStaffUserActiveHandler } from './toggle-staff-user-active.handler';

const ID = '7b0c5c1e-3f5a-4d43-9a51-0f3c2a9d1e01';
const CM_ID = '3c2d1e0f-1111-4a4a-8b8b-000000000001';
const cmA = aStaffActor(Role.CENTRE_MANAGER, [A], CM_ID);
const cmB = aStaffActor(Role.CENTRE_MANAGER, [B]);
const admin = aStaffActor(Role.ADMIN);

describe('ToggleStaffUserActiveHandler', () => {
  let users: RecordingStaffUsers;
  let audit: RecordingAuditLog;
  let sessions: InMemorySessionStore;
  let handler: ToggleStaffUserActiveHandler;

  beforeEach(async () => {
    users = new RecordingStaffUsers();
    audit = new RecordingAuditLog();
    const uow = new ImmediateUnitOfWork().asUnitOfWork();
    sessions = new InMemorySessionStore();
    handler = new ToggleStaffUserActiveHandler(
      users,
      new FixedClock(),
      uow,
      audit.asAuditLog(),
      sessions,
    );
    await users.save(aStaffUser({ id: ID, centreIds: [A] }));
    await users.save(
      aStaffUser({ id: CM_ID, role: Role.CENTRE_MANAGER, username: 'cm', phone: '+919800000003' }),
    );
    users.events.length = 0;
  });
  const toggle = (actor: Actor, id = ID) => handler.execute(new ToggleStaffUserActive(actor, id));

  it('deactivates, then activates again, recording events and audit entries', async () => {
    await sessions.open(
      '0c5b7a4e-8d7a-4a43-9a0e-6f2a3f1d9b10',
      { type: 'staff', id: ID, role: 'FRONT_DESK', centreIds: [A] },
    );
    expect((await toggle(cmA)).isActive).toBe(false);
    expect([...sessions.sessions.values()].every((s) => s.revokedAt)).toBe(true);
    expect(users.rows.get(ID)?.isActive).toBe(false);
    expect((await toggle(cmA)).isActive).toBe(true);
    expect(users.eventNames).toEqual([
      'identity.StaffUserDeactivated',
      'identity.StaffUserActivated',
    ]);
    expect(audit.entries).toEqual([
      { action: 'staff.deactivated', actor: cmA, targetType: 'staff_user', targetId: ID },
      { action: 'staff.activated', actor: cmA, targetType: 'staff_user', targetId: ID },
    ]);
  });

  it('refuses to toggle yourself (FORBIDDEN) and hides users outside your reach (NOT_FOUND)', async () => {
    await expect(toggle(cmA, CM_ID)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(toggle({ ...admin, id: ID })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(toggle(cmB)).rejects.toBeInstanceOf(NotFoundError);
    const unknown = toggle(admin, '5b1c8f58-2f2c-4f55-9d3f-1f6c3b7f7a99');
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    expect(users.events).toEqual([]);
    expect(audit.entries).toEqual([]);
  });
});
