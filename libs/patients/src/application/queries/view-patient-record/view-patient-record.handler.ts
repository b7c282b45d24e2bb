import { AuditLog, isUuid, NotFoundError, UnitOfWork } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PatientNoteRepository } from '../../../domain/patient-note.repository';
import { PatientRepository } from '../../../domain/patient.repository';
import type { PatientRecordDto } from '../../dto/patient-record.dto';
import { PatientAccessPolicy } from '../../patient-access-policy';
import { patientAudit } from '../../patient-audit';
import { noteToDto, patientStateToDto } from '../../patient-view';
import { ViewPatientRecord } from './view-patient-record.query';

@QueryHandler(ViewPatientRecord)
export class ViewPatientRecordHandler implements IQueryHandler<ViewPatientRecord> {
  constructor(
    private readonly patients: PatientRepository,
    private readonly notes: PatientNoteRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, patientId }: ViewPatientRecord): Promise<PatientRecordDto> {
    PatientAccessPolicy.enforce(PatientAccessPolicy.toAct(actor, 'view-record', patientId));
    if (!isUuid(patientId)) throw new NotFoundError('Patient');
    return this.uow.run(async () => {
      const patient = await this.patients.findById(patientId);
      if (!patient) throw new NotFoundError('Patient');
      const notes = await this.notes.listForPatient(patient.id);
      await this.audit.record(
        patientAudit('patient.record.viewed', actor, patient.id, { view: 'record' }),
      );
      return { ...patientStateToDto(patient.snapshot()), notes: notes.map(noteToDto) };
    });
  }
}
