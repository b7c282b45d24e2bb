import { ForbiddenError, NotFoundError, Role } from '@carebook/core';
import { aPatientActor, aStaffActor } from '../testing/patient-fakes';
import { PatientAccessPolicy, PatientAction } from './patient-access-policy';

const ME = '6a1f0b8e-8a55-4c1e-9d3a-0f4b2e7c1a11';
const OTHER = '9b2e7c1a-0f4b-4c1e-8a55-6a1f0b8e3d22';
const ACTIONS: PatientAction[] = [
  'search',
  'create',
  'view',
  'view-record',
  'update',
  'add-note',
  'view-status-history',
];

describe('PatientAccessPolicy', () => {
  it.each([
    Role.ADMIN,
    Role.MANAGER,
    Role.CENTRE_MANAGER,
    Role.CARE_COORDINATOR,
    Role.FRONT_DESK,
    Role.CLINICIAN,
  ])('lets %s do everything with any record, whatever their centres', (role) => {
    for (const action of ACTIONS)
      expect([action, PatientAccessPolicy.toAct(aStaffActor(role), action, OTHER)]).toEqual([
        action,
        'ALLOWED',
      ]);
    expect(PatientAccessPolicy.toChange(aStaffActor(role), ['phone'])).toBe('ALLOWED');
  });

  it('refuses CAREGIVER everything, whether or not an id is given (no probing)', () => {
    const caregiver = aStaffActor(Role.CAREGIVER);
    for (const action of ACTIONS) {
      expect(PatientAccessPolicy.toAct(caregiver, action)).toBe('FORBIDDEN');
      expect(PatientAccessPolicy.toAct(caregiver, action, OTHER)).toBe('FORBIDDEN');
    }
  });

  it('lets a patient view and edit only their own profile, answering NOT_FOUND for another', () => {
    const me = aPatientActor(ME);
    expect(PatientAccessPolicy.toAct(me, 'view', ME)).toBe('ALLOWED');
    expect(PatientAccessPolicy.toAct(me, 'update', ME.toUpperCase())).toBe('ALLOWED');
    expect(PatientAccessPolicy.toAct(me, 'view', OTHER)).toBe('NOT_FOUND');
    expect(PatientAccessPolicy.toAct(me, 'update', OTHER)).toBe('NOT_FOUND');
    for (const action of [
      'search',
      'create',
      'view-record',
      'add-note',
      'view-status-history',
    ] as const) {
      expect(PatientAccessPolicy.toAct(me, action, ME)).toBe('FORBIDDEN');
    }
    expect(PatientAccessPolicy.toChange(me, ['fullName', 'email'])).toBe('ALLOWED');
    expect(PatientAccessPolicy.toChange(me, ['phone'])).toBe('FORBIDDEN');
  });

  it('enforces an answer as the matching error', () => {
    expect(() => PatientAccessPolicy.enforce('ALLOWED')).not.toThrow();
    expect(() => PatientAccessPolicy.enforce('NOT_FOUND')).toThrow(NotFoundError);
    expect(() => PatientAccessPolicy.enforce('FORBIDDEN')).toThrow(ForbiddenError);
  });
});
