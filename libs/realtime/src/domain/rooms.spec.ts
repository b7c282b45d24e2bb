import { Role } from '@carebook/core';
import { centreAudience, normalizeCity, Rooms, roomsFor } from './rooms';

describe('roomsFor', () => {
  it('puts a patient in their own room only', () => {
    expect(roomsFor({ kind: 'patient', id: 'p1' })).toEqual(['patient:p1']);
  });

  it('puts centre staff in their user and role rooms and, per centre, the centre and role-in-centre rooms', () => {
    expect(
      roomsFor({ kind: 'staff', id: 'u1', role: Role.FRONT_DESK, centreIds: ['c1', 'c2', 'c1'] }),
    ).toEqual([
      'user:u1',
      'role:FRONT_DESK',
      'centre:c1',
      'centre:c1:FRONT_DESK',
      'centre:c2',
      'centre:c2:FRONT_DESK',
    ]);
  });

  it.each([Role.ADMIN, Role.MANAGER])(
    'puts %s in the network room instead of centre rooms',
    (role) => {
      expect(roomsFor({ kind: 'staff', id: 'u1', role, centreIds: ['c1'] })).toEqual([
        'user:u1',
        `role:${role}`,
        'network',
      ]);
    },
  );

  it('never gives a staff user and a patient with the same id the same room', () => {
    const staff = roomsFor({ kind: 'staff', id: 'x', role: Role.CLINICIAN, centreIds: [] });
    expect(staff).not.toContain(roomsFor({ kind: 'patient', id: 'x' })[0]);
  });
});

describe('rooms', () => {
  it('names a centre audience by role', () => {
    expect(centreAudience('c1', [Role.FRONT_DESK, Role.CENTRE_MANAGER])).toEqual([
      'centre:c1:FRONT_DESK',
      'centre:c1:CENTRE_MANAGER',
    ]);
  });

  it('meets spellings of one city in one room', () => {
    expect(normalizeCity('  New   Delhi ')).toBe('new delhi');
    expect(Rooms.city('NEW DELHI')).toBe(Rooms.city('new delhi'));
    expect(Rooms.city('Ｂｅｎｇａｌｕｒｕ')).toBe('city:bengaluru'); // full-width letters (NFKC)
    expect(normalizeCity('   ')).toBe('');
  });
});
