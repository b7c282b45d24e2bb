import { ForbiddenError, NotFoundError, Role, ValidationFailedError } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import { Patient } from '../../../domain/patient';
import {
  aPatientActor,
  aStaffActor,
  ImmediateUnitOfWork,
  InMemoryPatientNotes,
  InMemoryPatients,
  RecordingAuditLog,
} from '../../../testing/patient-fakes';
import { AddPatientNote } from './add-patient-note.command';
import { AddPatientNoteHandler } from './add-patient-note.handler';

describe('AddPatientNoteHandler', () => {
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));
  let notes: InMemoryPatientNotes;
  let audit: RecordingAuditLog;
  let handler: AddPatientNoteHandler;
  let patient: Patient;
  beforeEach(async () => {
    const patients = new InMemoryPatients();
    notes = new InMemoryPatientNotes();
    audit = new RecordingAuditLog();
    handler = new AddPatientNoteHandler(
      patients,
      notes,
      new ImmediateUnitOfWork().asUnitOfWork(),
      clock,
      audit.asAuditLog(),
    );
    patient = Patient.registerSelf('+919812300000', 'Priya Sharma', clock.now());
    await patients.save(patient);
  });

  it('writes the note by the staff author and audits it with the patient', async () => {
    const actor = aStaffActor(Role.CLINICIAN);
    const note = await handler.execute(
      new AddPatientNote(actor, patient.id, '  Prefers mornings.  '),
    );
    expect(note).toEqual({
      id: expect.any(String),
      patientId: patient.id,
      authorId: actor.id,
      text: 'Prefers mornings.',
      createdAt: '2026-03-01T09:00:00.000Z',
    });
    expect(notes.notes).toHaveLength(1);
    expect(audit.entries).toEqual([
      {
        action: 'patient.note.added',
        actor,
        targetType: 'patient_note',
        targetId: note.id,
        patientId: patient.id,
      },
    ]);
  });

  it('refuses blank text, unknown patients, caregivers and patients', async () => {
    const actor = aStaffActor(Role.FRONT_DESK);
    await expect(
      handler.execute(new AddPatientNote(actor, patient.id, '   ')),
    ).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(
      handler.execute(new AddPatientNote(actor, '5b1c8f58-2f2c-4f55-9d3f-1f6c3b7f7a10', 'x')),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      handler.execute(new AddPatientNote(aStaffActor(Role.CAREGIVER), patient.id, 'x')),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      handler.execute(new AddPatientNote(aPatientActor(patient.id), patient.id, 'x')),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(notes.notes).toEqual([]);
    expect(audit.entries).toEqual([]);
  });
});
