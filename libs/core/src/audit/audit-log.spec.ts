import type { Request } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/roles';
import type { UnitOfWork } from '../database/unit-of-work';
import { RequestContext } from '../http/request-context';
import { AuditLog } from './audit-log';

const staff: Actor = {
  kind: 'staff',
  id: '7f1c2a8e-0000-4000-8000-000000000001',
  role: Role.FRONT_DESK,
  centreIds: [],
};
const patient: Actor = { kind: 'patient', id: '7f1c2a8e-0000-4000-8000-000000000002' };

function setup() {
  const inTransaction = { query: jest.fn().mockResolvedValue([]) };
  const pool = { query: jest.fn().mockResolvedValue([]) };
  const uow = { manager: () => inTransaction as unknown as EntityManager } as UnitOfWork;
  const audit = new AuditLog(uow, { manager: pool } as unknown as DataSource);
  /** The columns of the one row written through `manager`, by name. */
  const row = (manager: { query: jest.Mock }) => {
    expect(manager.query).toHaveBeenCalledTimes(1);
    const [, p] = manager.query.mock.calls[0] as [string, unknown[]];
    const names = [
      'actor_type',
      'actor_id',
      'actor_role',
      'action',
      'target_type',
      'target_id',
      'patient_id',
      'ip',
      'request_id',
      'metadata',
    ];
    return Object.fromEntries(
      names.map((n, i) => [n, n === 'metadata' ? JSON.parse(p[i] as string) : p[i]]),
    );
  };
  return { audit, inTransaction, pool, row };
}

const request = (fields: Record<string, unknown>) =>
  ({ ip: '::ffff:10.0.0.9', get: () => undefined, ...fields }) as unknown as Request;

describe('AuditLog', () => {
  it('writes a staff actor with role, target and patient through the unit of work', async () => {
    const { audit, inTransaction, pool, row } = setup();
    await audit.record({
      action: 'patient.record.viewed',
      actor: staff,
      targetType: 'patient',
      targetId: patient.id,
      patientId: patient.id,
    });
    expect(pool.query).not.toHaveBeenCalled();
    expect(row(inTransaction)).toEqual({
      actor_type: 'staff',
      actor_id: staff.id,
      actor_role: 'FRONT_DESK',
      action: 'patient.record.viewed',
      target_type: 'patient',
      target_id: patient.id,
      patient_id: patient.id,
      ip: null,
      request_id: null,
      metadata: {},
    });
  });

  it('takes ip, request id and (when omitted) the actor from the current request', async () => {
    const { audit, inTransaction, row } = setup();
    await RequestContext.run(request({ id: 'req-42', user: patient }), () =>
      audit.record({ action: 'patient.profile.updated' }),
    );
    expect(row(inTransaction)).toMatchObject({
      actor_type: 'patient',
      actor_id: patient.id,
      actor_role: null,
      ip: '::ffff:10.0.0.9',
      request_id: 'req-42',
    });
  });

  it('records anonymous (null, or no signed-in caller) and system actors, and a job-given request id', async () => {
    for (const [actor, user, expected] of [
      [null, staff, 'anonymous'],
      [undefined, undefined, 'anonymous'],
      ['system', staff, 'system'],
    ] as const) {
      const { audit, inTransaction, row } = setup();
      await RequestContext.run(request({ user }), () =>
        audit.record({ action: 'auth.login.failed', actor, requestId: 'job-1' }),
      );
      expect(row(inTransaction)).toMatchObject({
        actor_type: expected,
        actor_id: null,
        actor_role: null,
        request_id: 'job-1',
      });
    }
  });

  it('recordNow writes through the pool, outside the caller transaction', async () => {
    const { audit, inTransaction, pool, row } = setup();
    await audit.recordNow({ action: 'auth.login.failed', metadata: { phone: '+91******4321' } });
    expect(inTransaction.query).not.toHaveBeenCalled();
    expect(row(pool)).toMatchObject({
      actor_type: 'anonymous',
      metadata: { phone: '+91******4321' },
    });
  });

  it('redacts values under keys that name a secret, at any depth', async () => {
    const { audit, inTransaction, row } = setup();
    const metadata = {
      password: 'x',
      code: '123456',
      attempt: { refreshToken: 'y', Authorization: 'z', tokenFamilyId: 'f' },
      reason: 'INVALID_CREDENTIALS',
    };
    await audit.record({ action: 'auth.login.failed', metadata });
    expect(row(inTransaction).metadata).toEqual({
      password: '[redacted]',
      code: '[redacted]',
      attempt: { refreshToken: '[redacted]', Authorization: '[redacted]', tokenFamilyId: 'f' },
      reason: 'INVALID_CREDENTIALS',
    });
  });

  it('drops an ip PostgreSQL cannot store and keeps IPv6 without its zone', async () => {
    for (const [ip, stored] of [
      ['fe80::1%eth0', 'fe80::1'],
      ['not-an-ip', null],
    ]) {
      const { audit, inTransaction, row } = setup();
      await RequestContext.run(request({ ip }), () => audit.record({ action: 'auth.logout' }));
      expect(row(inTransaction).ip).toBe(stored);
    }
  });

  it('refuses malformed actions, target types and oversized metadata before touching the database', async () => {
    const { audit, inTransaction } = setup();
    await expect(audit.record({ action: 'Login Failed' })).rejects.toThrow('dotted lower-case');
    await expect(audit.record({ action: 'login' })).rejects.toThrow('dotted lower-case');
    await expect(audit.record({ action: 'patient.viewed', targetType: 'Patient' })).rejects.toThrow(
      'lower snake case',
    );
    await expect(audit.record({ action: 'patient.viewed', targetId: 'p1' })).rejects.toThrow(
      'without a targetType',
    );
    await expect(
      audit.record({ action: 'patient.viewed', metadata: { blob: 'x'.repeat(5000) } }),
    ).rejects.toThrow('exceeds 4096 bytes');
    expect(inTransaction.query).not.toHaveBeenCalled();
  });
});
