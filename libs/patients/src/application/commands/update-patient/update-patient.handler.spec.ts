import { ForbiddenError, NotFoundError, Role } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import { Patient } from '../../../domain/patient';
import { PatientPhoneTakenError } from '../../../domain/patient.errors';
import {
  aPatientActor,
  aStaffActor,
  ImmediateUnitOfWork,
  InMemoryPatients,
  RecordingAuditLog,
} from '../../../testing/patient-fakes';
import { UpdatePatient } from './update-patient.command';
import { UpdatePatientHandler } from './update-patient.handler';

describe('UpdatePatientHandler', () => {
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));
  let patients: InMemoryPatients;
  let audit: RecordingAuditLog;
  let handler: UpdatePatientHandler;
  let priya: Patient;
  let ravi: Patient;
  beforeEach(async () => {
    patients = new InMemoryPatients();
    audit = new RecordingAuditLog();
    handler = new UpdatePatientHandler(
      patients,
      new ImmediateUnitOfWork().asUnitOfWork(),
      clock,
      audit.asAuditLog(),
    );
    priya = Patient.registerSelf('+919812300000', 'Priya Sharma', clock.now());
    ravi = Patient.registerSelf('+919812300009', 'Ravi Kumar', clock.now());
    await patients.save(priya);
    await patients.save(ravi);
    patients.events.length = 0;
  });

  it('applies staff changes on the locked row, records PatientUpdated and audits the changed field names', async () => {
    const actor = aStaffActor(Role.CARE_COORDINATOR);
    clock.advance(60_000);
    const dto = await handler.execute(
      new UpdatePatient(actor, priya.id, {
        phone: '+919812300005',
        bloodGroup: 'O+',
        fullName: 'Priya Sharma',
      }),
    );
    expect(dto).toMatchObject({
      phone: '+919812300005',
      bloodGroup: 'O+',
      updatedAt: '2026-03-01T09:01:00.000Z',
    });
    expect(patients.lockedLoads).toEqual([priya.id]);
    expect(patients.events.map((e) => ({ ...e }))).toEqual([
      expect.objectContaining({
        aggregateId: priya.id,
        changed: ['phone', 'bloodGroup'],
        source: 'STAFF',
      }),
    ]);
    expect(audit.entries).toEqual([
      expect.objectContaining({
        action: 'patient.record.updated',
        actor,
        patientId: priya.id,
        metadata: { changed: ['phone', 'bloodGroup'] },
      }),
    ]);
  });

  it('lets the patient edit their own profile (SELF), but never the phone, nor anyone else', async () => {
    const me = aPatientActor(priya.id);
    await handler.execute(
      new UpdatePatient(me, priya.id, { gender: 'FEMALE', emergencyContacts: [] }),
    );
    expect(patients.events.map((e) => ({ ...e }))).toEqual([
      expect.objectContaining({ changed: ['gender'], source: 'SELF' }),
    ]);
    await expect(
      handler.execute(new UpdatePatient(me, priya.id, { phone: '+919812300007' })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      handler.execute(new UpdatePatient(me, ravi.id, { gender: 'MALE' })),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(ravi.snapshot().gender).toBeNull();
  });

  it("answers PATIENT_PHONE_TAKEN for another patient's phone, and NOT_FOUND for unknown ids", async () => {
    const admin = aStaffActor(Role.ADMIN);
    await expect(
      handler.execute(new UpdatePatient(admin, priya.id, { phone: ravi.phone })),
    ).rejects.toBeInstanceOf(PatientPhoneTakenError);
    await expect(
      handler.execute(new UpdatePatient(admin, '5b1c8f58-2f2c-4f55-9d3f-1f6c3b7f7a10', {})),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      handler.execute(new UpdatePatient(admin, 'not-a-uuid', {})),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(audit.entries).toEqual([]);
  });

  it('audits an update that changed nothing, with no event and no save', async () => {
    await handler.execute(
      new UpdatePatient(aStaffActor(Role.FRONT_DESK), priya.id, { fullName: ' Priya Sharma ' }),
    );
    expect(patients.events).toEqual([]);
    expect(audit.entries).toEqual([
      expect.objectContaining({ action: 'patient.record.updated', metadata: { changed: [] } }),
    ]);
  });
});
