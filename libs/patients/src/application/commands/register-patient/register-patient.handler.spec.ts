import { ForbiddenError, Role, ValidationFailedError } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import { PatientPhoneTakenError } from '../../../domain/patient.errors';
import {
  aStaffActor,
  ImmediateUnitOfWork,
  InMemoryPatients,
  RecordingAuditLog,
} from '../../../testing/patient-fakes';
import { RegisterPatient } from './register-patient.command';
import { RegisterPatientHandler } from './register-patient.handler';

const input = {
  fullName: 'Priya Sharma',
  phone: '+919812300000',
  dateOfBirth: '1985-04-12',
  emergencyContacts: [{ name: 'Meera', phone: '+919812300001', relationship: 'daughter' }],
};

describe('RegisterPatientHandler', () => {
  const clock = new FixedClock();
  let patients: InMemoryPatients;
  let uow: ImmediateUnitOfWork;
  let audit: RecordingAuditLog;
  let handler: RegisterPatientHandler;
  beforeEach(() => {
    patients = new InMemoryPatients();
    uow = new ImmediateUnitOfWork();
    audit = new RecordingAuditLog();
    handler = new RegisterPatientHandler(patients, uow.asUnitOfWork(), clock, audit.asAuditLog());
  });

  it('opens the record with PatientRegistered (STAFF) and audits the creation in one transaction', async () => {
    const actor = aStaffActor(Role.FRONT_DESK);
    const dto = await handler.execute(new RegisterPatient(actor, input));
    expect(dto).toMatchObject({
      fullName: 'Priya Sharma',
      phone: '+919812300000',
      email: null,
      gender: null,
      dateOfBirth: '1985-04-12',
    });
    expect(patients.eventNames).toEqual(['patients.PatientRegistered']);
    expect(patients.events[0]).toMatchObject({ source: 'STAFF', aggregateId: dto.id });
    expect(uow.runs).toBe(1);
    expect(audit.entries).toEqual([
      {
        action: 'patient.record.created',
        actor,
        targetType: 'patient',
        targetId: dto.id,
        patientId: dto.id,
        metadata: { source: 'STAFF' },
      },
    ]);
  });

  it('answers PATIENT_PHONE_TAKEN when a living patient has the phone, and audits nothing', async () => {
    await handler.execute(new RegisterPatient(aStaffActor(Role.ADMIN), input));
    audit.entries.length = 0;
    await expect(
      handler.execute(
        new RegisterPatient(aStaffActor(Role.ADMIN), { ...input, fullName: 'Other' }),
      ),
    ).rejects.toBeInstanceOf(PatientPhoneTakenError);
    expect(patients.rows.size).toBe(1);
    expect(audit.entries).toEqual([]);
  });

  it('refuses CAREGIVER and invalid input before touching the database', async () => {
    await expect(
      handler.execute(new RegisterPatient(aStaffActor(Role.CAREGIVER), input)),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      handler.execute(
        new RegisterPatient(aStaffActor(Role.CLINICIAN), { ...input, dateOfBirth: '2099-01-01' }),
      ),
    ).rejects.toBeInstanceOf(ValidationFailedError);
    expect(uow.runs).toBe(0);
    expect(patients.rows.size).toBe(0);
  });
});
