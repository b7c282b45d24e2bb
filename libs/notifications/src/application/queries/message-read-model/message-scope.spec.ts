import { ForbiddenError, Role } from '@carebook/core';
import { MessageScope } from './message-scope';

const staff = (role: Role, centreIds: string[] = []) => ({
  kind: 'staff' as const,
  id: 'u1',
  role,
  centreIds,
});
const params = (scope: MessageScope) => scope.condition(1).params;

describe('MessageScope', () => {
  it('gives ADMIN and MANAGER every message', () => {
    for (const role of [Role.ADMIN, Role.MANAGER]) {
      expect(params(MessageScope.of(staff(role, ['c1']), { patients: true }))).toEqual([
        true,
        [],
        null,
      ]);
    }
  });

  it('gives centre staff who read messages their centres only', () => {
    for (const role of [Role.CENTRE_MANAGER, Role.FRONT_DESK, Role.CARE_COORDINATOR]) {
      expect(params(MessageScope.of(staff(role, ['c1', 'c2']), { patients: false }))).toEqual([
        false,
        ['c1', 'c2'],
        null,
      ]);
    }
  });

  it('refuses CLINICIAN and CAREGIVER', () => {
    for (const role of [Role.CLINICIAN, Role.CAREGIVER]) {
      expect(() => MessageScope.of(staff(role, ['c1']), { patients: true })).toThrow(
        ForbiddenError,
      );
    }
  });

  it('gives a patient their own messages where patients may ask, and refuses them elsewhere', () => {
    const patient = { kind: 'patient' as const, id: 'p1' };
    expect(params(MessageScope.of(patient, { patients: true }))).toEqual([false, [], 'p1']);
    expect(() => MessageScope.of(patient, { patients: false })).toThrow(ForbiddenError);
  });

  it('numbers its parameters from where the statement says', () => {
    const { sql } = MessageScope.of(staff(Role.ADMIN), { patients: true }).condition(4, 'x');
    expect(sql).toBe(
      '($4::boolean OR x.centre_id = ANY($5::uuid[]) OR (x.patient_id IS NOT NULL AND x.patient_id = $6::uuid))',
    );
  });
});
