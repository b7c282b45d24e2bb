import { OutboxWriter, UnitOfWork } from '@carebook/core';
import { openTestDataSource, uniquePhone } from '@carebook/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Patient } from '../domain/patient';
import { PatientNote } from '../domain/patient-note';
import { PatientPhoneTakenError } from '../domain/patient.errors';
import { PatientNoteOrmEntity } from './patient-note.orm-entity';
import { PatientOrmEntity } from './patient.orm-entity';
import { TypeormPatientNoteRepository } from './typeorm-patient-note.repository';
import { TypeormPatientRepository } from './typeorm-patient.repository';

const now = new Date();
const register = (phone = uniquePhone()) =>
  Patient.registerByStaff(
    {
      fullName: 'Int Spec Patient',
      phone,
      email: 'int.spec@example.com',
      dateOfBirth: '1990-02-28',
      gender: 'OTHER',
      bloodGroup: 'AB-',
      emergencyContacts: [
        { name: 'Kin', phone: uniquePhone(), email: 'kin@example.com', relationship: 'brother' },
      ],
    },
    now,
  );

describe('TypeormPatientRepository and notes (PostgreSQL)', () => {
  let db: DataSource;
  let uow: UnitOfWork;
  let repo: TypeormPatientRepository;
  let notes: TypeormPatientNoteRepository;
  beforeAll(async () => {
    db = await openTestDataSource([PatientOrmEntity, PatientNoteOrmEntity]);
    uow = new UnitOfWork(db);
    repo = new TypeormPatientRepository(uow, new OutboxWriter());
    notes = new TypeormPatientNoteRepository(uow);
  });
  afterAll(() => db.destroy());

  it('stores a staff registration with its event (ids and source only, no PHI) and reloads it', async () => {
    const patient = register();
    expect(await repo.addIfPhoneFree(patient)).toBe(true);
    const loaded = await repo.findById(patient.id);
    expect(loaded?.snapshot()).toEqual(patient.snapshot());
    expect(loaded?.snapshot().dateOfBirth).toBe('1990-02-28');
    const outbox = await db.query(`SELECT type, payload FROM outbox WHERE aggregate_id = $1`, [
      patient.id,
    ]);
    expect(outbox).toEqual([
      { type: 'patients.PatientRegistered', payload: expect.objectContaining({ source: 'STAFF' }) },
    ]);
    expect(Object.keys(outbox[0].payload).sort()).toEqual([
      'aggregateId',
      'eventId',
      'occurredAt',
      'source',
    ]);
    expect(await repo.addIfPhoneFree(register(patient.phone))).toBe(false);
  });

  it('turns a phone clash on save into PATIENT_PHONE_TAKEN and keeps both rows as they were', async () => {
    const [a, b] = [register(), register()];
    await repo.addIfPhoneFree(a);
    await repo.addIfPhoneFree(b);
    b.revise({ phone: a.phone }, 'STAFF', new Date());
    await expect(repo.save(b)).rejects.toBeInstanceOf(PatientPhoneTakenError);
    expect((await repo.findById(b.id))?.phone).not.toBe(a.phone);
    const events = await db.query(`SELECT type FROM outbox WHERE aggregate_id = $1`, [b.id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['patients.PatientRegistered']);
  });

  it('holds a row loaded for update until the transaction ends', async () => {
    const patient = register();
    await repo.addIfPhoneFree(patient);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = uow.run(async () => {
      await repo.findById(patient.id, { forUpdate: true });
      locked();
      await held;
    });
    await isLocked;
    const blocked = db.transaction(async (manager) => {
      await manager.query(`SET LOCAL lock_timeout = '200ms'`);
      await manager.query(`SELECT 1 FROM patients WHERE id = $1 FOR UPDATE`, [patient.id]);
    });
    await expect(blocked).rejects.toThrow(/lock timeout/);
    release();
    await holder;
  });

  it('adds notes and lists them newest first; a note needs an existing patient', async () => {
    const patient = register();
    await repo.addIfPhoneFree(patient);
    const author = randomUUID();
    await notes.add(PatientNote.write(patient.id, author, 'older', new Date(now.getTime() - 1000)));
    await notes.add(PatientNote.write(patient.id, author, 'newer', now));
    const listed = await notes.listForPatient(patient.id);
    expect(listed.map((n) => n.snapshot())).toEqual([
      expect.objectContaining({ text: 'newer', authorId: author, patientId: patient.id }),
      expect.objectContaining({ text: 'older' }),
    ]);
    await expect(notes.add(PatientNote.write(randomUUID(), author, 'orphan', now))).rejects.toThrow(
      /FK_patient_notes_patient/,
    );
  });

  it('refuses values outside the rules in the database too', async () => {
    const patient = register();
    await repo.addIfPhoneFree(patient);
    for (const [column, value] of [
      ['gender', `'F'`],
      ['blood_group', `'C+'`],
      ['date_of_birth', `'1800-01-01'`],
      ['emergency_contacts', `'[1,2,3,4,5,6]'`],
    ]) {
      await expect(
        db.query(`UPDATE patients SET ${column} = ${value} WHERE id = $1`, [patient.id]),
      ).rejects.toThrow(/CHK_patients_/);
    }
  });
});
