import {
  AuditLog,
  isUuid,
  NotFoundError,
  offsetOf,
  Page,
  pageOf,
  UnitOfWork,
} from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { PatientStatus } from '../../../domain/patient-status';
import { PatientRepository } from '../../../domain/patient.repository';
import type { PatientStatusEntryDto } from '../../dto/patient-record.dto';
import { PatientAccessPolicy } from '../../patient-access-policy';
import { patientAudit } from '../../patient-audit';
import { ListPatientStatusHistory } from './list-patient-status-history.query';

interface StatusRow {
  id: string;
  patient_id: string;
  status: PatientStatus;
  recorded_by: string;
  recorded_at: Date;
  note: string | null;
}

@QueryHandler(ListPatientStatusHistory)
export class ListPatientStatusHistoryHandler implements IQueryHandler<ListPatientStatusHistory> {
  constructor(
    private readonly patients: PatientRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({
    actor,
    patientId,
    paging,
  }: ListPatientStatusHistory): Promise<Page<PatientStatusEntryDto>> {
    PatientAccessPolicy.enforce(PatientAccessPolicy.toAct(actor, 'view-status-history', patientId));
    if (!isUuid(patientId)) throw new NotFoundError('Patient');
    return this.uow.run(async (manager) => {
      const patient = await this.patients.findById(patientId);
      if (!patient) throw new NotFoundError('Patient');
      const rows: StatusRow[] = await manager.query(
        `SELECT id, patient_id, status, recorded_by, recorded_at, note
           FROM patient_status_history
          WHERE patient_id = $1
          ORDER BY recorded_at DESC, id DESC
          LIMIT $2 OFFSET $3`,
        [patient.id, paging.limit, offsetOf(paging)],
      );
      const [{ total }]: Array<{ total: number }> = await manager.query(
        `SELECT count(*)::int AS total FROM patient_status_history WHERE patient_id = $1`,
        [patient.id],
      );
      await this.audit.record(
        patientAudit('patient.record.viewed', actor, patient.id, { view: 'status_history' }),
      );
      return pageOf(rows.map(toEntry), total, paging);
    });
  }
}

function toEntry(row: StatusRow): PatientStatusEntryDto {
  return {
    id: row.id,
    patientId: row.patient_id,
    status: row.status,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
    note: row.note,
  };
}
