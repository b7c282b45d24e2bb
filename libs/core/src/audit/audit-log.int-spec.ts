import { openTestDataSource } from '@carebook/testing';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/roles';
import { UnitOfWork } from '../database/unit-of-work';
import { RequestContext } from '../http/request-context';
import { AuditLog } from './audit-log';

const APPEND_ONLY = (op: string) => `audit_events is append-only: ${op} is not allowed`;
const DENIED = 'permission denied for table audit_events';

describe('AuditLog and the audit_events table (PostgreSQL)', () => {
  let db: DataSource;
  let uow: UnitOfWork;
  let audit: AuditLog;
  const rowsOf = (requestId: string) =>
    db.query(
      `SELECT action, actor_type, actor_id, actor_role, target_type, target_id, patient_id, host(ip) AS ip, request_id, metadata,
              occurred_at > now() - interval '1 minute' AS recent
         FROM audit_events WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );
  /** Runs each statement in a savepoint of `manager`'s transaction and answers its error message. */
  const failureOf = async (manager: EntityManager, sql: string, params: unknown[] = []) => {
    await manager.query('SAVEPOINT attempt');
    try {
      await manager.query(sql, params);
      return 'succeeded';
    } catch (error) {
      return (error as Error).message;
    } finally {
      await manager.query('ROLLBACK TO SAVEPOINT attempt');
    }
  };

  beforeAll(async () => {
    db = await openTestDataSource();
    uow = new UnitOfWork(db);
    audit = new AuditLog(uow, db);
  });
  afterAll(() => db.destroy());

  it('writes the actor, role, target, patient, ip and request id of the current request', async () => {
    const requestId = `audit-int-${randomUUID()}`;
    const staff: Actor = { kind: 'staff', id: randomUUID(), role: Role.CLINICIAN, centreIds: [] };
    const patientId = randomUUID();
    const request = { id: requestId, ip: '198.51.100.23', get: () => 'jest' } as unknown as Request;
    await RequestContext.run(request, () =>
      audit.record({
        action: 'patient.record.viewed',
        actor: staff,
        targetType: 'patient',
        targetId: patientId,
        patientId,
        metadata: { fields: ['vitals'] },
      }),
    );
    expect(await rowsOf(requestId)).toEqual([
      {
        action: 'patient.record.viewed',
        actor_type: 'staff',
        actor_id: staff.id,
        actor_role: 'CLINICIAN',
        target_type: 'patient',
        target_id: patientId,
        patient_id: patientId,
        ip: '198.51.100.23',
        request_id: requestId,
        metadata: { fields: ['vitals'] },
        recent: true,
      },
    ]);
  });

  it('commits and rolls back with the UnitOfWork transaction; recordNow survives the rollback', async () => {
    const committed = `audit-int-${randomUUID()}`;
    await uow.run(() =>
      audit.record({ action: 'test.audit.committed', actor: 'system', requestId: committed }),
    );
    expect(await rowsOf(committed)).toMatchObject([
      { action: 'test.audit.committed', actor_type: 'system' },
    ]);

    const requestId = `audit-int-${randomUUID()}`;
    const rollback = new Error('rollback');
    const work = uow.run(async (manager) => {
      await audit.record({ action: 'test.audit.rolled_back', requestId });
      await audit.recordNow({
        action: 'auth.login.failed',
        requestId,
        metadata: { phone: '+91******4321' },
      });
      const inside = await manager.query(
        `SELECT action FROM audit_events WHERE request_id = $1 ORDER BY id`,
        [requestId],
      );
      expect(inside.map((r: { action: string }) => r.action)).toEqual([
        'test.audit.rolled_back',
        'auth.login.failed',
      ]);
      throw rollback;
    });
    await expect(work).rejects.toBe(rollback);
    expect(await rowsOf(requestId)).toMatchObject([
      {
        action: 'auth.login.failed',
        actor_type: 'anonymous',
        metadata: { phone: '+91******4321' },
      },
    ]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the app's connection, even as superuser (trigger)", async () => {
    const requestId = `audit-int-${randomUUID()}`;
    await audit.recordNow({ action: 'test.audit.tamper_target', requestId });
    const [{ id }] = await db.query(`SELECT id FROM audit_events WHERE request_id = $1`, [
      requestId,
    ]);
    // Inside a transaction that always rolls back: shared database, so nothing may ever be lost.
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`SET LOCAL lock_timeout = '5s'`);
      expect(
        await failureOf(
          runner.manager,
          `UPDATE audit_events SET action = 'test.audit.forged' WHERE id = $1`,
          [id],
        ),
      ).toBe(APPEND_ONLY('UPDATE'));
      expect(await failureOf(runner.manager, `DELETE FROM audit_events WHERE id = $1`, [id])).toBe(
        APPEND_ONLY('DELETE'),
      );
      expect(await failureOf(runner.manager, `TRUNCATE audit_events`)).toBe(
        APPEND_ONLY('TRUNCATE'),
      );
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await rowsOf(requestId)).toMatchObject([{ action: 'test.audit.tamper_target' }]);
  });

  it('lets the carebook_app role SELECT and INSERT (through AuditLog) but not UPDATE, DELETE or TRUNCATE', async () => {
    const requestId = `audit-int-${randomUUID()}`;
    const rollback = new Error('rollback');
    const work = uow.run(async (manager) => {
      await manager.query(`SET LOCAL ROLE carebook_app`);
      await manager.query(`SET LOCAL lock_timeout = '5s'`);
      await audit.record({
        action: 'test.audit.as_app_role',
        actor: { kind: 'patient', id: randomUUID() },
        requestId,
      });
      const [{ id }] = await manager.query(`SELECT id FROM audit_events WHERE request_id = $1`, [
        requestId,
      ]);
      expect(
        await failureOf(
          manager,
          `UPDATE audit_events SET action = 'test.audit.forged' WHERE id = $1`,
          [id],
        ),
      ).toBe(DENIED);
      expect(await failureOf(manager, `DELETE FROM audit_events WHERE id = $1`, [id])).toBe(DENIED);
      expect(await failureOf(manager, `TRUNCATE audit_events`)).toBe(DENIED);
      throw rollback;
    });
    await expect(work).rejects.toBe(rollback);
  });

  it('refuses rows that contradict themselves (a staff actor without a role, a non-object metadata)', async () => {
    await expect(
      db.query(
        `INSERT INTO audit_events (actor_type, actor_id, action) VALUES ('staff', $1, 'test.audit.bad')`,
        [randomUUID()],
      ),
    ).rejects.toThrow('CHK_audit_events_actor_role');
    await expect(
      db.query(
        `INSERT INTO audit_events (actor_type, action, metadata) VALUES ('system', 'test.audit.bad', '[]')`,
      ),
    ).rejects.toThrow('CHK_audit_events_metadata');
  });
});
