import { ForbiddenError, NotFoundError, Role } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import { Patient } from '../../../domain/patient';
import { PatientNote } from '../../../domain/patient-note';
import {
  aPatientActor,
  aStaffActor,
  ImmediateUnitOfWork,
  InMemoryPatientNotes,
  InMemoryPatients,
  RecordingAuditLog,
} from '../../../testing/patient-fakes';
import { ViewPatientDashboard } from '../view-patient-dashboard/view-patient-dashboard.query';
import { ViewPatientDashboardHandler } from '../view-patient-dashboard/view-patient-dashboard.handler';
import { ViewPatientProfile } from '../view-patient-profile/view-patient-profile.query';
import { ViewPatientProfileHandler } from '../view-patient-profile/view-patient-profile.handler';
import { ViewPatientRecord } from './view-patient-record.query';
import { ViewPatientRecordHandler } from './view-patient-record.handler';

describe('Viewing a patient (record, profile, dashboard)', () => {
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));
  let patients: InMemoryPatients;
  let notes: InMemoryPatientNotes;
  let audit: RecordingAuditLog;
  let patient: Patient;
  let other: Patient;
  const uow = new ImmediateUnitOfWork().asUnitOfWork();
  beforeEach(async () => {
    patients = new InMemoryPatients();
    notes = new InMemoryPatientNotes();
    audit = new RecordingAuditLog();
    patient = Patient.registerSelf('+919812300000', 'Priya Sharma', clock.now());
    other = Patient.registerSelf('+919812300009', 'Ravi Kumar', clock.now());
    await patients.save(patient);
    await patients.save(other);
  });

  it('shows staff the record with its notes, newest first, and audits the view', async () => {
    const staff = aStaffActor(Role.FRONT_DESK);
    await notes.add(
      PatientNote.write(patient.id, staff.id, 'first', new Date('2026-03-01T08:00:00Z')),
    );
    await notes.add(
      PatientNote.write(patient.id, staff.id, 'second', new Date('2026-03-01T08:30:00Z')),
    );
    await notes.add(
      PatientNote.write(other.id, staff.id, 'not hers', new Date('2026-03-01T08:45:00Z')),
    );
    const handler = new ViewPatientRecordHandler(patients, notes, uow, audit.asAuditLog());
    const record = await handler.execute(new ViewPatientRecord(staff, patient.id));
    expect(record).toMatchObject({ id: patient.id, fullName: 'Priya Sharma' });
    expect(record.notes.map((n) => n.text)).toEqual(['second', 'first']);
    expect(audit.entries).toEqual([
      {
        action: 'patient.record.viewed',
        actor: staff,
        targetType: 'patient',
        targetId: patient.id,
        patientId: patient.id,
        metadata: { view: 'record' },
      },
    ]);
  });

  it('keeps patients and caregivers away from staff records, and answers NOT_FOUND for unknown ids', async () => {
    const handler = new ViewPatientRecordHandler(patients, notes, uow, audit.asAuditLog());
    await expect(
      handler.execute(new ViewPatientRecord(aPatientActor(patient.id), patient.id)),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      handler.execute(new ViewPatientRecord(aStaffActor(Role.CAREGIVER), patient.id)),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      handler.execute(
        new ViewPatientRecord(aStaffActor(Role.ADMIN), '5b1c8f58-2f2c-4f55-9d3f-1f6c3b7f7a10'),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(audit.entries).toEqual([]);
  });

  it("shows a patient their own profile and dashboard, audited, and answers NOT_FOUND for another's", async () => {
    const me = aPatientActor(patient.id);
    const profile = await new ViewPatientProfileHandler(patients, uow, audit.asAuditLog()).execute(
      new ViewPatientProfile(me, patient.id),
    );
    expect(profile).not.toHaveProperty('notes');
    const dashboard = await new ViewPatientDashboardHandler(
      patients,
      uow,
      audit.asAuditLog(),
    ).execute(new ViewPatientDashboard(me, patient.id));
    expect(dashboard).toEqual({
      profile,
      profileComplete: false,
      missingFields: ['dateOfBirth', 'gender', 'emergencyContacts'],
    });
    expect(audit.entries.map((e) => [e.action, e.patientId, e.metadata])).toEqual([
      ['patient.record.viewed', patient.id, { view: 'profile' }],
      ['patient.record.viewed', patient.id, { view: 'dashboard' }],
    ]);
    await expect(
      new ViewPatientProfileHandler(patients, uow, audit.asAuditLog()).execute(
        new ViewPatientProfile(me, other.id),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('calls a profile complete once name, date of birth, gender and a contact are there', async () => {
    patient.revise(
      {
        dateOfBirth: '1985-04-12',
        gender: 'UNDISCLOSED',
        emergencyContacts: [{ name: 'M', phone: '+919812300001', relationship: 'sister' }],
      },
      'SELF',
      clock.now(),
    );
    const dashboard = await new ViewPatientDashboardHandler(
      patients,
      uow,
      audit.asAuditLog(),
    ).execute(new ViewPatientDashboard(aPatientActor(patient.id), patient.id));
    expect(dashboard).toMatchObject({ profileComplete: true, missingFields: [] });
  });
});
