import { AuditLog, Clock, isUuid, NotFoundError, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PatientNote } from '../../../domain/patient-note';
import { PatientNoteRepository } from '../../../domain/patient-note.repository';
import { PatientRepository } from '../../../domain/patient.repository';
import type { PatientNoteDto } from '../../dto/patient-record.dto';
import { PatientAccessPolicy } from '../../patient-access-policy';
import { noteToDto } from '../../patient-view';
import { AddPatientNote } from './add-patient-note.command';

@CommandHandler(AddPatientNote)
export class AddPatientNoteHandler implements ICommandHandler<AddPatientNote> {
  constructor(
    private readonly patients: PatientRepository,
    private readonly notes: PatientNoteRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, patientId, text }: AddPatientNote): Promise<PatientNoteDto> {
    PatientAccessPolicy.enforce(PatientAccessPolicy.toAct(actor, 'add-note', patientId));
    if (!isUuid(patientId)) throw new NotFoundError('Patient');
    const note = PatientNote.write(patientId, actor.id, text, this.clock.now());
    return this.uow.run(async () => {
      if (!(await this.patients.findById(patientId))) throw new NotFoundError('Patient');
      await this.notes.add(note);
      await this.audit.record({
        action: 'patient.note.added',
        actor,
        targetType: 'patient_note',
        targetId: note.id,
        patientId,
      });
      return noteToDto(note);
    });
  }
}
