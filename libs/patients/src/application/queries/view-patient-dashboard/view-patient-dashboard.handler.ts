import { AuditLog, isUuid, NotFoundError, UnitOfWork } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PatientRepository } from '../../../domain/patient.repository';
import type { PatientDashboardDto } from '../../dto/patient-record.dto';
import { PatientAccessPolicy } from '../../patient-access-policy';
import { patientAudit } from '../../patient-audit';
import { dashboardOf, patientStateToDto } from '../../patient-view';
import { ViewPatientDashboard } from './view-patient-dashboard.query';

@QueryHandler(ViewPatientDashboard)
export class ViewPatientDashboardHandler implements IQueryHandler<ViewPatientDashboard> {
  constructor(
    private readonly patients: PatientRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, patientId }: ViewPatientDashboard): Promise<PatientDashboardDto> {
    PatientAccessPolicy.enforce(PatientAccessPolicy.toAct(actor, 'view', patientId));
    if (!isUuid(patientId)) throw new NotFoundError('Patient');
    return this.uow.run(async () => {
      const patient = await this.patients.findById(patientId);
      if (!patient) throw new NotFoundError('Patient');
      await this.audit.record(
        patientAudit('patient.record.viewed', actor, patient.id, { view: 'dashboard' }),
      );
      return dashboardOf(patientStateToDto(patient.snapshot()));
    });
  }
}
