import { Actor, ForbiddenError, Role, ValidationFailedError } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import { FakePasswordHasher } from '../../../testing/identity-fakes';
import {
  aStaffActor,
  CENTRE_A as A,
  CENTRE_B as B,
  ImmediateUnitOfWork,
  RecordingAuditLog,
  RecordingStaffUsers,
} from '../../../testing/staff-management-fakes';
import { CreateStaffUser, StaffUserInput } from './create-staff-user.command';
import { CreateStaffUserHandler } from './create-staff-user.handler';

const admin = aStaffActor(Role.ADMIN);
const manager = aStaffActor(Role.MANAGER);
const cmA = aStaffActor(Role.CENTRE_MANAGER, [A]);

const input = (overrides: Partial<StaffUserInput> = {}): StaffUserInput => ({
  fullName: ' Ravi Kumar ',
  phone: '+919800000002',
  username: 'ravi.k',
  role: Role.FRONT_DESK,
  centreIds: [A],
  ...overrides,
});

describe('CreateStaffUserHandler', () => {
  let users: RecordingStaffUsers;
  let audit: RecordingAuditLog;
  let hash: jest.SpyInstance;
  let handler: CreateStaffUserHandler;
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));

  beforeEach(() => {
    users = new RecordingStaffUsers();
    audit = new RecordingAuditLog();
    const hasher = new FakePasswordHasher();
    hash = jest.spyOn(hasher, 'hash');
    const uow = new ImmediateUnitOfWork().asUnitOfWork();
    handler = new CreateStaffUserHandler(users, hasher, clock, uow, audit.asAuditLog());
  });
  const create = (actor: Actor, overrides: Partial<StaffUserInput> = {}) =>
    handler.execute(new CreateStaffUser(actor, input(overrides)));

  it('registers the user with a hashed password, records StaffUserCreated and staff.created', async () => {
    const dto = await create(admin, {
      password: 'a-good-password',
      email: 'ravi@carebook.example',
    });
    expect(dto).toEqual({
      id: expect.any(String),
      fullName: 'Ravi Kumar',
      phone: '+919800000002',
      email: 'ravi@carebook.example',
      username: 'ravi.k',
      role: Role.FRONT_DESK,
      centreIds: [A],
      isActive: true,
      createdAt: '2026-03-01T09:00:00.000Z',
    });
    expect(users.rows.get(dto.id)?.passwordHash).toBe('hashed:a-good-password');
    expect(users.eventNames).toEqual(['identity.StaffUserCreated']);
    expect(audit.entries).toEqual([
      {
        action: 'staff.created',
        actor: admin,
        targetType: 'staff_user',
        targetId: dto.id,
        metadata: { role: Role.FRONT_DESK, centreIds: [A] },
      },
    ]);
    expect(JSON.stringify(audit.entries)).not.toContain('a-good-password');
  });

  it('stores no password hash when none is given', async () => {
    const dto = await create(cmA, { role: Role.CAREGIVER });
    expect(users.rows.get(dto.id)?.passwordHash).toBeNull();
    expect(hash).not.toHaveBeenCalled();
  });

  it.each([
    ['a centre manager, for another centre', cmA, { centreIds: [B] }],
    ['a centre manager, for their centre and another', cmA, { centreIds: [A, B] }],
    ['a centre manager, a MANAGER', cmA, { role: Role.MANAGER, centreIds: [] }],
    ['a centre manager, a CENTRE_MANAGER', cmA, { role: Role.CENTRE_MANAGER }],
    ['a manager, a MANAGER', manager, { role: Role.MANAGER, centreIds: [] }],
    ['a manager, an ADMIN', manager, { role: Role.ADMIN, centreIds: [] }],
  ])(
    'refuses %s with FORBIDDEN, saving, hashing and auditing nothing',
    async (_, actor, overrides) => {
      const attempt = create(actor, { ...overrides, password: 'a-good-password' });
      await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
      expect(users.rows.size).toBe(0);
      expect(hash).not.toHaveBeenCalled();
      expect(audit.entries).toEqual([]);
    },
  );

  it('lets a manager create a centre manager, and reports a bad profile before hashing', async () => {
    await create(manager, { role: Role.CENTRE_MANAGER, centreIds: [B] });
    const bad = create(admin, { role: Role.MANAGER, centreIds: [A], password: 'a-good-password' });
    await expect(bad).rejects.toBeInstanceOf(ValidationFailedError);
    expect(hash).not.toHaveBeenCalled();
    expect(users.rows.size).toBe(1);
  });
});
