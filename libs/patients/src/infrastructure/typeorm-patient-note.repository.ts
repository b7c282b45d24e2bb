import { UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { PatientNote } from '../domain/patient-note';
import { PatientNoteRepository } from '../domain/patient-note.repository';
import { PatientNoteOrmEntity } from './patient-note.orm-entity';

/** Notes join the caller's transaction (UnitOfWork), so a note and its audit row commit together. */
@Injectable()
export class TypeormPatientNoteRepository extends PatientNoteRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async add(note: PatientNote): Promise<void> {
    await this.uow.manager().insert(PatientNoteOrmEntity, { ...note.snapshot() });
  }

  async listForPatient(patientId: string): Promise<PatientNote[]> {
    const rows = await this.uow.manager().find(PatientNoteOrmEntity, {
      where: { patientId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return rows.map((row) => PatientNote.restore({ ...row }));
  }
}
