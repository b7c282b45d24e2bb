import { ForbiddenError, NotFoundError, Role } from '@carebook/core';
import {
  aStaffActor,
  CENTRE_A as A,
  CENTRE_B as B,
  CENTRE_C as C,
} from '../testing/clinician-fakes';
import { ClinicianAccessPolicy as Policy, ClinicianSubject } from './clinician-access-policy';

const USER = '7b0c5c1e-3f5a-4d43-9a51-0f3c2a9d1e01';
const inAandB: ClinicianSubject = { userId: USER, primaryCentreId: A, centreIds: [A, B] };
const admin = aStaffActor(Role.ADMIN);
const manager = aStaffActor(Role.MANAGER);
const cmA = aStaffActor(Role.CENTRE_MANAGER, [A]);
const cmC = aStaffActor(Role.CENTRE_MANAGER, [C]);
const self = aStaffActor(Role.CLINICIAN, [A], USER);
const otherClinician = aStaffActor(Role.CLINICIAN, [A]);
const deskA = aStaffActor(Role.FRONT_DESK, [A]);
const patient = { kind: 'patient' as const, id: USER };

describe('ClinicianAccessPolicy', () => {
  it.each([
    [admin, [A, B], 'ALLOWED'],
    [manager, [C], 'ALLOWED'],
    [cmA, [A], 'ALLOWED'],
    [cmA, [A, B], 'FORBIDDEN'],
    [cmA, [B], 'FORBIDDEN'],
    [deskA, [A], 'FORBIDDEN'],
    [self, [A], 'FORBIDDEN'],
    [patient, [A], 'FORBIDDEN'],
  ])('toCreate: %o at %o is %s', (actor, centres, answer) => {
    expect(Policy.toCreate(actor, centres)).toBe(answer);
  });

  it('lets managers who share a centre manage, and answers NOT_FOUND to everyone else', () => {
    expect(Policy.toManage(admin, inAandB)).toBe('ALLOWED');
    expect(Policy.toManage(cmA, inAandB)).toBe('ALLOWED');
    for (const actor of [cmC, self, otherClinician, deskA, patient])
      expect(Policy.toManage(actor, inAandB)).toBe('NOT_FOUND');
  });

  it('lets a centre manager move only their own centres, the primary one included', () => {
    expect(Policy.toManage(cmA, inAandB, { primaryCentreId: A, centreIds: [A, B] })).toBe(
      'ALLOWED',
    );
    expect(Policy.toManage(cmA, inAandB, { primaryCentreId: A, centreIds: [A] })).toBe('FORBIDDEN');
    expect(Policy.toManage(cmA, inAandB, { primaryCentreId: B, centreIds: [A, B] })).toBe(
      'FORBIDDEN',
    );
    expect(
      Policy.toManage(aStaffActor(Role.CENTRE_MANAGER, [A, C]), inAandB, {
        primaryCentreId: A,
        centreIds: [A, B, C],
      }),
    ).toBe('ALLOWED');
    expect(Policy.toManage(manager, inAandB, { primaryCentreId: C, centreIds: [C] })).toBe(
      'ALLOWED',
    );
  });

  it('lets the clinician and their managers edit the schedule; a centre manager only rules at their centres', () => {
    expect(Policy.toEditSchedule(self, inAandB, [A, B])).toBe('ALLOWED');
    expect(Policy.toEditSchedule(admin, inAandB, [B])).toBe('ALLOWED');
    expect(Policy.toEditSchedule(cmA, inAandB, [A])).toBe('ALLOWED');
    expect(Policy.toEditSchedule(cmA, inAandB, [B])).toBe('FORBIDDEN');
    expect(Policy.toEditSchedule(cmA, inAandB)).toBe('ALLOWED');
    for (const actor of [otherClinician, cmC, deskA, patient])
      expect(Policy.toEditSchedule(actor, inAandB)).toBe('NOT_FOUND');
  });

  it('shows private details to the clinician and their managers only', () => {
    expect([self, cmA, manager].map((a) => Policy.seesPrivate(a, inAandB))).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      [undefined, otherClinician, cmC, deskA, patient].map((a) => Policy.seesPrivate(a, inAandB)),
    ).toEqual([false, false, false, false, false]);
  });

  it('turns answers into the errors they stand for', () => {
    expect(() => Policy.enforce('ALLOWED')).not.toThrow();
    expect(() => Policy.enforce('NOT_FOUND')).toThrow(NotFoundError);
    expect(() => Policy.enforce('FORBIDDEN')).toThrow(ForbiddenError);
  });
});
