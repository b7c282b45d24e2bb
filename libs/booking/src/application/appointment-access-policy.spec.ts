import { Actor, ForbiddenError, NotFoundError, Role } from '@carebook/core';
import { AppointmentAccessPolicy as Policy } from './appointment-access-policy';

const target = { patientId: 'p-1', centreId: 'c-a', clinicianUserId: 'u-doc' };
const staff = (role: Role, centreIds = ['c-a'], id = 's-1'): Actor => ({
  kind: 'staff',
  id,
  role,
  centreIds,
});

describe('AppointmentAccessPolicy', () => {
  it('lets a patient see, cancel and move only their own appointments; others are 404', () => {
    const me: Actor = { kind: 'patient', id: 'p-1' };
    expect(Policy.toAct(me, 'view', target)).toBe('ALLOWED');
    expect(Policy.toAct(me, 'cancel', target)).toBe('ALLOWED');
    expect(Policy.toAct(me, 'reschedule', target)).toBe('ALLOWED');
    expect(Policy.toAct(me, { status: 'CHECKED_IN' }, target)).toBe('FORBIDDEN');
    expect(Policy.toAct({ kind: 'patient', id: 'p-2' }, 'view', target)).toBe('NOT_FOUND');
  });

  it.each([Role.FRONT_DESK, Role.CENTRE_MANAGER, Role.CARE_COORDINATOR, Role.CLINICIAN])(
    'scopes %s to their centres: another centre is 404',
    (role) => {
      expect(Policy.toAct(staff(role), 'view', target)).toBe('ALLOWED');
      expect(Policy.toAct(staff(role, ['c-b']), 'view', target)).toBe('NOT_FOUND');
      expect(Policy.toAct(staff(role, ['c-b']), 'cancel', target)).toBe('NOT_FOUND');
    },
  );

  it.each([Role.ADMIN, Role.MANAGER])('lets %s reach every centre', (role) => {
    expect(Policy.toAct(staff(role, []), { status: 'NO_SHOW' }, target)).toBe('ALLOWED');
    expect(Policy.toBook(staff(role, []), 'c-z')).toBe('ALLOWED');
    expect(Policy.visibleCentres(staff(role, []))).toBe('ALL');
  });

  it('keeps CAREGIVER out and CARE_COORDINATOR read-only', () => {
    expect(Policy.toAct(staff(Role.CAREGIVER), 'view', target)).toBe('NOT_FOUND');
    expect(Policy.visibleCentres(staff(Role.CAREGIVER))).toEqual([]);
    expect(Policy.toAct(staff(Role.CARE_COORDINATOR), 'cancel', target)).toBe('FORBIDDEN');
    expect(Policy.toBook(staff(Role.CARE_COORDINATOR), 'c-a')).toBe('FORBIDDEN');
  });

  it('lets the front desk book only at their own centres', () => {
    expect(Policy.toBook(staff(Role.FRONT_DESK), 'c-a')).toBe('ALLOWED');
    expect(Policy.toBook(staff(Role.FRONT_DESK), 'c-b')).toBe('FORBIDDEN');
    expect(Policy.toBook({ kind: 'patient', id: 'p-1' }, 'c-a')).toBe('FORBIDDEN');
  });

  it('lets a clinician run only their own consultations', () => {
    const doc = staff(Role.CLINICIAN, ['c-a'], 'u-doc');
    expect(Policy.toAct(doc, { status: 'IN_PROGRESS' }, target)).toBe('ALLOWED');
    expect(Policy.toAct(doc, { status: 'CANCELLED' }, target)).toBe('FORBIDDEN');
    expect(Policy.toAct(doc, 'reschedule', target)).toBe('FORBIDDEN');
    expect(
      Policy.toAct(staff(Role.CLINICIAN, ['c-a'], 'u-other'), { status: 'COMPLETED' }, target),
    ).toBe('FORBIDDEN');
  });

  it('enforces with 404 and 403', () => {
    expect(() => Policy.enforce('NOT_FOUND')).toThrow(NotFoundError);
    expect(() => Policy.enforce('FORBIDDEN')).toThrow(ForbiddenError);
    expect(() => Policy.enforce('ALLOWED')).not.toThrow();
  });
});
