import { Role, ValidationFailedError } from '@carebook/core';
import { StaffUserCreated } from './events/staff-user-events';
import { StaffUser } from './staff-user';
import type { StaffUserProfile } from './staff-user-profile';

const now = new Date('2026-03-01T09:00:00Z');
const CENTRE = '0d8f6a52-6a0e-4b7e-9d55-3b1c6f0c2a10';
const profile = (overrides: Partial<StaffUserProfile> = {}): StaffUserProfile => ({
  fullName: '  Asha Rao ',
  phone: '+919800000001',
  email: null,
  username: 'asha.rao',
  role: Role.FRONT_DESK,
  centreIds: [CENTRE],
  ...overrides,
});

function problemsOf(make: () => unknown): string[] {
  try {
    make();
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.errors.map((e) => e.field);
    throw error;
  }
  return [];
}

describe('StaffUser', () => {
  it('registers an active user, trims the profile and records StaffUserCreated', () => {
    const user = StaffUser.register(
      profile({ centreIds: [CENTRE, CENTRE.toUpperCase()] }),
      'hash',
      now,
    );
    expect(user.snapshot()).toMatchObject({
      fullName: 'Asha Rao',
      centreIds: [CENTRE],
      passwordHash: 'hash',
      isActive: true,
      deletedAt: null,
      createdAt: now,
    });
    expect(user.canSignIn).toBe(true);
    const events = user.pullEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(StaffUserCreated);
    expect(events[0]).toMatchObject({
      aggregateId: user.id,
      role: Role.FRONT_DESK,
      centreIds: [CENTRE],
    });
    expect(events[0].eventName).toBe('identity.StaffUserCreated');
    expect(JSON.stringify(events[0])).not.toContain('+919800000001');
    expect(user.pullEvents()).toEqual([]);
  });

  it('lets network-wide roles go without centres and requires centres of everyone else', () => {
    expect(
      problemsOf(() => StaffUser.register(profile({ role: Role.ADMIN, centreIds: [] }), null, now)),
    ).toEqual([]);
    expect(problemsOf(() => StaffUser.register(profile({ centreIds: [] }), null, now))).toEqual([
      'centreIds',
    ]);
    expect(
      problemsOf(() => StaffUser.register(profile({ role: Role.MANAGER }), null, now)),
    ).toEqual(['centreIds']);
  });

  it('reports every broken rule at once', () => {
    const bad = profile({
      fullName: '  ',
      phone: '98000',
      email: 'nope',
      username: '-x',
      role: 'BOSS' as Role,
      centreIds: ['not-a-uuid'],
    });
    expect(problemsOf(() => StaffUser.register(bad, null, now))).toEqual([
      'fullName',
      'phone',
      'email',
      'username',
      'centreIds',
      'role',
    ]);
  });

  it('needs a phone or a username to sign in with', () => {
    expect(
      problemsOf(() => StaffUser.register(profile({ phone: null, username: ' ' }), null, now)),
    ).toEqual(['phone']);
    expect(problemsOf(() => StaffUser.register(profile({ phone: null }), null, now))).toEqual([]);
  });

  it('refuses sign-in to deactivated and deleted users', () => {
    const user = StaffUser.register(profile(), 'hash', now);
    const state = user.snapshot();
    expect(StaffUser.restore({ ...state, isActive: false }).canSignIn).toBe(false);
    expect(StaffUser.restore({ ...state, isActive: false, deletedAt: now }).canSignIn).toBe(false);
  });

  it('hands out copies, so callers cannot change its state', () => {
    const user = StaffUser.register(profile(), 'hash', now);
    user.centreIds.push('x');
    (user.snapshot().centreIds as string[]).push('y');
    expect(user.centreIds).toEqual([CENTRE]);
  });
});
