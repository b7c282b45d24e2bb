import { AuditLog, NotFoundError, OutboxWriter, Role, UnitOfWork } from '@carebook/core';
import { openTestDataSource, uniquePhone } from '@carebook/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Patient } from '../../../domain/patient';
import { PatientOrmEntity } from '../../../infrastructure/patient.orm-entity';
import { TypeormPatientRepository } from '../../../infrastructure/typeorm-patient.repository';
import { aStaffActor } from '../../../testing/patient-fakes';
import { ListPatientStatusHistory } from './list-patient-status-history.query';
import { ListPatientStatusHistoryHandler } from './list-patient-status-history.handler';

describe('ListPatientStatusHistory (PostgreSQL)', () => {
  let db: DataSource;
  let repo: TypeormPatientRepository;
  let handler: ListPatientStatusHistoryHandler;
  const actor = aStaffActor(Role.CARE_COORDINATOR, randomUUID());
  const register = async () => {
    const patient = Patient.registerByStaff(
      {
        fullName: 'Status Spec',
        phone: uniquePhone(),
        email: null,
        dateOfBirth: null,
        gender: null,
        bloodGroup: null,
        emergencyContacts: [],
      },
      new Date(),
    );
    await repo.addIfPhoneFree(patient);
    return patient;
  };

  beforeAll(async () => {
    db = await openTestDataSource([PatientOrmEntity]);
    const uow = new UnitOfWork(db);
    repo = new TypeormPatientRepository(uow, new OutboxWriter());
    handler = new ListPatientStatusHistoryHandler(repo, uow, new AuditLog(uow, db));
  });
  afterAll(() => db.destroy());

  it('answers an empty page when care has recorded nothing, and audits the view', async () => {
    const patient = await register();
    expect(
      await handler.execute(
        new ListPatientStatusHistory(actor, patient.id, { page: 1, limit: 20 }),
      ),
    ).toEqual({
      items: [],
      page: 1,
      limit: 20,
      total: 0,
    });
    const audit = await db.query(
      `SELECT action, actor_id, metadata FROM audit_events WHERE patient_id = $1`,
      [patient.id],
    );
    expect(audit).toEqual([
      { action: 'patient.record.viewed', actor_id: actor.id, metadata: { view: 'status_history' } },
    ]);
  });

  it("lists the recorded statuses newest first, paged, and only that patient's", async () => {
    const [patient, other] = [await register(), await register()];
    const caregiver = randomUUID();
    const insert = (patientId: string, status: string, at: string, note: string | null = null) =>
      db.query(
        `INSERT INTO patient_status_history (patient_id, status, recorded_by, recorded_at, note) VALUES ($1, $2, $3, $4, $5)`,
        [patientId, status, caregiver, at, note],
      );
    await insert(patient.id, 'STABLE', '2026-03-01T08:00:00Z');
    await insert(patient.id, 'DETERIORATING', '2026-03-02T08:00:00Z', 'fever');
    await insert(patient.id, 'IMPROVING', '2026-03-03T08:00:00Z');
    await insert(other.id, 'CRITICAL', '2026-03-04T08:00:00Z');
    const first = await handler.execute(
      new ListPatientStatusHistory(actor, patient.id, { page: 1, limit: 2 }),
    );
    expect(first.total).toBe(3);
    expect(first.items).toEqual([
      expect.objectContaining({
        status: 'IMPROVING',
        recordedAt: '2026-03-03T08:00:00.000Z',
        recordedBy: caregiver,
        note: null,
      }),
      expect.objectContaining({ status: 'DETERIORATING', note: 'fever', patientId: patient.id }),
    ]);
    const second = await handler.execute(
      new ListPatientStatusHistory(actor, patient.id, { page: 2, limit: 2 }),
    );
    expect(second.items.map((i) => i.status)).toEqual(['STABLE']);
  });

  it('answers NOT_FOUND for an unknown patient', async () => {
    await expect(
      handler.execute(new ListPatientStatusHistory(actor, randomUUID(), { page: 1, limit: 20 })),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
