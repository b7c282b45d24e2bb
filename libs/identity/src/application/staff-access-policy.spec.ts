import { Actor, ForbiddenError, NotFoundError, Role } from '@carebook/core';
import {
  StaffAccess,
  StaffAccessPolicy,
  StaffAction,
  StaffPlacement,
  StaffSubject,
} from './staff-access-policy';

const A = '0d8f6a52-6a0e-4b7e-9d55-3b1c6f0c2a10';
const B = '5b1c8f58-2f2c-4f55-9d3f-1f6c3b7f7a10';
const C = '9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11';

const staff = (id: string, role: Role, centreIds: string[] = []): Actor & StaffSubject => ({
  kind: 'staff',
  id,
  role,
  centreIds,
});

const admin = staff('admin', Role.ADMIN);
const manager = staff('manager', Role.MANAGER);
const cmA = staff('cm-a', Role.CENTRE_MANAGER, [A]);
const deskA = staff('desk-a', Role.FRONT_DESK, [A]);
const patient: Actor = { kind: 'patient', id: 'patient' };

const otherAdmin = staff('admin-2', Role.ADMIN);
const otherManager = staff('manager-2', Role.MANAGER);
const peerCmA = staff('cm-a-2', Role.CENTRE_MANAGER, [A]);
const cmB = staff('cm-b', Role.CENTRE_MANAGER, [B]);
const nurseA = staff('nurse-a', Role.CAREGIVER, [A]);
const deskB = staff('desk-b', Role.FRONT_DESK, [B]);
const deskAC = staff('desk-ac', Role.FRONT_DESK, [A, C]);

type ActCase = [string, Actor, StaffAction, StaffSubject, StaffAccess];
type UpdateCase = [string, Actor, StaffSubject, StaffPlacement, StaffAccess];
type CreateCase = [string, Actor, StaffPlacement, StaffAccess];

describe('StaffAccessPolicy', () => {
  describe('toAct: reach first (404), then the right to manage (403)', () => {
    it.each<ActCase>([
      // ADMIN manages everyone, but never deactivates or deletes themselves.
      ['admin views an admin', admin, 'view', otherAdmin, 'ALLOWED'],
      ['admin edits a manager', admin, 'update', otherManager, 'ALLOWED'],
      ['admin deletes another admin', admin, 'delete', otherAdmin, 'ALLOWED'],
      ['admin toggles a centre manager', admin, 'toggle-active', cmB, 'ALLOWED'],
      ['admin deactivates themselves', admin, 'toggle-active', admin, 'FORBIDDEN'],
      ['admin deletes themselves', admin, 'delete', admin, 'FORBIDDEN'],
      ['admin edits themselves', admin, 'update', admin, 'ALLOWED'],
      // MANAGER sees everyone, manages everyone below ADMIN and MANAGER.
      ['manager views an admin', manager, 'view', otherAdmin, 'ALLOWED'],
      ['manager edits an admin', manager, 'update', otherAdmin, 'FORBIDDEN'],
      ['manager toggles a manager', manager, 'toggle-active', otherManager, 'FORBIDDEN'],
      ['manager deletes a manager', manager, 'delete', otherManager, 'FORBIDDEN'],
      ['manager edits themselves', manager, 'update', manager, 'FORBIDDEN'],
      ['manager deletes a centre manager', manager, 'delete', cmB, 'ALLOWED'],
      ['manager edits front desk anywhere', manager, 'update', deskB, 'ALLOWED'],
      // CENTRE_MANAGER sees users sharing a centre; everyone else does not exist for them.
      ['cm views front desk of A', cmA, 'view', deskA, 'ALLOWED'],
      ['cm edits front desk of A', cmA, 'update', deskA, 'ALLOWED'],
      ['cm toggles caregiver of A', cmA, 'toggle-active', nurseA, 'ALLOWED'],
      ['cm deletes front desk of A', cmA, 'delete', deskA, 'ALLOWED'],
      ['cm edits a user of A and C', cmA, 'update', deskAC, 'ALLOWED'],
      ['cm views front desk of B', cmA, 'view', deskB, 'NOT_FOUND'],
      ['cm edits front desk of B', cmA, 'update', deskB, 'NOT_FOUND'],
      ['cm toggles front desk of B', cmA, 'toggle-active', deskB, 'NOT_FOUND'],
      ['cm deletes front desk of B', cmA, 'delete', deskB, 'NOT_FOUND'],
      ['cm views a manager', cmA, 'view', otherManager, 'NOT_FOUND'],
      ['cm deletes an admin', cmA, 'delete', otherAdmin, 'NOT_FOUND'],
      ['cm views the centre manager of B', cmA, 'view', cmB, 'NOT_FOUND'],
      ['cm views a peer centre manager', cmA, 'view', peerCmA, 'ALLOWED'],
      ['cm edits a peer centre manager', cmA, 'update', peerCmA, 'FORBIDDEN'],
      ['cm deactivates a peer', cmA, 'toggle-active', peerCmA, 'FORBIDDEN'],
      ['cm views themselves', cmA, 'view', cmA, 'ALLOWED'],
      ['cm deactivates themselves', cmA, 'toggle-active', cmA, 'FORBIDDEN'],
      // Site staff see colleagues (routes keep them out anyway) and manage nobody.
      ['front desk views a colleague', deskA, 'view', nurseA, 'ALLOWED'],
      ['front desk edits a colleague', deskA, 'update', nurseA, 'FORBIDDEN'],
      ['front desk views another centre', deskA, 'view', deskB, 'NOT_FOUND'],
      ['patient views staff', patient, 'view', deskA, 'NOT_FOUND'],
      ['patient deletes staff', patient, 'delete', deskA, 'NOT_FOUND'],
    ])('%s: %s', (_, actor, action, target, expected) => {
      expect(StaffAccessPolicy.toAct(actor, action, target)).toBe(expected);
    });
  });

  describe('toAct update: the role and centres afterwards follow the creation rules', () => {
    it.each<UpdateCase>([
      [
        'admin promotes front desk to manager',
        admin,
        deskA,
        { role: Role.MANAGER, centreIds: [] },
        'ALLOWED',
      ],
      [
        'admin demotes themselves',
        admin,
        admin,
        { role: Role.MANAGER, centreIds: [] },
        'FORBIDDEN',
      ],
      ['admin keeps their own role', admin, admin, { role: Role.ADMIN, centreIds: [] }, 'ALLOWED'],
      [
        'manager promotes to manager',
        manager,
        deskA,
        { role: Role.MANAGER, centreIds: [] },
        'FORBIDDEN',
      ],
      [
        'manager promotes to admin',
        manager,
        deskA,
        { role: Role.ADMIN, centreIds: [] },
        'FORBIDDEN',
      ],
      [
        'manager makes a centre manager',
        manager,
        deskA,
        { role: Role.CENTRE_MANAGER, centreIds: [B] },
        'ALLOWED',
      ],
      [
        'cm promotes to centre manager',
        cmA,
        deskA,
        { role: Role.CENTRE_MANAGER, centreIds: [A] },
        'FORBIDDEN',
      ],
      [
        'cm changes front desk to caregiver',
        cmA,
        deskA,
        { role: Role.CAREGIVER, centreIds: [A] },
        'ALLOWED',
      ],
      ['cm adds centre B', cmA, deskA, { role: Role.FRONT_DESK, centreIds: [A, B] }, 'FORBIDDEN'],
      ['cm moves a user to B', cmA, deskA, { role: Role.FRONT_DESK, centreIds: [B] }, 'FORBIDDEN'],
      ['cm removes A, C stays', cmA, deskAC, { role: Role.FRONT_DESK, centreIds: [C] }, 'ALLOWED'],
      ['cm removes C', cmA, deskAC, { role: Role.FRONT_DESK, centreIds: [A] }, 'FORBIDDEN'],
      [
        'cm keeps A and C (any case, any order)',
        cmA,
        deskAC,
        { role: Role.FRONT_DESK, centreIds: [C, A.toUpperCase()] },
        'ALLOWED',
      ],
      [
        'cm edits outside reach',
        cmA,
        deskB,
        { role: Role.FRONT_DESK, centreIds: [A] },
        'NOT_FOUND',
      ],
    ])('%s', (_, actor, target, next, expected) => {
      expect(StaffAccessPolicy.toAct(actor, 'update', target, next)).toBe(expected);
    });
  });

  describe('toCreate', () => {
    const at = (role: Role, centreIds: string[] = []): StaffPlacement => ({ role, centreIds });
    it.each<CreateCase>([
      ['admin creates an admin', admin, at(Role.ADMIN), 'ALLOWED'],
      ['admin creates a manager', admin, at(Role.MANAGER), 'ALLOWED'],
      ['admin creates a centre manager', admin, at(Role.CENTRE_MANAGER, [A]), 'ALLOWED'],
      ['manager creates an admin', manager, at(Role.ADMIN), 'FORBIDDEN'],
      ['manager creates a manager', manager, at(Role.MANAGER), 'FORBIDDEN'],
      ['manager creates a centre manager', manager, at(Role.CENTRE_MANAGER, [B]), 'ALLOWED'],
      ['manager creates front desk anywhere', manager, at(Role.FRONT_DESK, [A, B]), 'ALLOWED'],
      ...[Role.FRONT_DESK, Role.CARE_COORDINATOR, Role.CLINICIAN, Role.CAREGIVER].map(
        (role): CreateCase => [`cm creates ${role} for A`, cmA, at(role, [A]), 'ALLOWED'],
      ),
      [
        'cm creates front desk for A, any case',
        cmA,
        at(Role.FRONT_DESK, [A.toUpperCase()]),
        'ALLOWED',
      ],
      ['cm creates front desk for B', cmA, at(Role.FRONT_DESK, [B]), 'FORBIDDEN'],
      ['cm creates front desk for A and B', cmA, at(Role.FRONT_DESK, [A, B]), 'FORBIDDEN'],
      ['cm creates a centre manager', cmA, at(Role.CENTRE_MANAGER, [A]), 'FORBIDDEN'],
      ['cm creates a manager', cmA, at(Role.MANAGER), 'FORBIDDEN'],
      ['cm creates an admin', cmA, at(Role.ADMIN), 'FORBIDDEN'],
      ['front desk creates front desk', deskA, at(Role.FRONT_DESK, [A]), 'FORBIDDEN'],
      ['patient creates front desk', patient, at(Role.FRONT_DESK, [A]), 'FORBIDDEN'],
    ])('%s', (_, actor, placement, expected) => {
      expect(StaffAccessPolicy.toCreate(actor, placement)).toBe(expected);
    });
  });

  it('lists: network-wide roles see all centres, the rest their own, patients none', () => {
    expect(StaffAccessPolicy.visibleCentres(admin)).toBe('ALL');
    expect(StaffAccessPolicy.visibleCentres(manager)).toBe('ALL');
    expect(
      StaffAccessPolicy.visibleCentres(staff('x', Role.CENTRE_MANAGER, [A.toUpperCase()])),
    ).toEqual([A]);
    expect(StaffAccessPolicy.visibleCentres(patient)).toEqual([]);
  });

  it('enforces: NOT_FOUND and FORBIDDEN become the errors behind 404 and 403', () => {
    expect(() => StaffAccessPolicy.enforce('ALLOWED')).not.toThrow();
    expect(() => StaffAccessPolicy.enforce('NOT_FOUND')).toThrow(NotFoundError);
    expect(() => StaffAccessPolicy.enforce('FORBIDDEN')).toThrow(ForbiddenError);
  });
});
