import { AuditLog, isUuid, NotFoundError, UnitOfWork } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PatientRepository } from '../../../domain/patient.repository';
import type { PatientDto } from '../../dto/patient.dto';
import { PatientAccessPolicy } from '../../patient-access-policy';
import { patientAudit } from '../../patient-audit';
import { patientStateToDto } from '../../patient-view';
import { ViewPatientProfile } from './view-patient-profile.query';

@QueryHandler(ViewPatientProfile)
export class ViewPatientProfileHandler implements IQueryHandler<ViewPatientProfile> {
  constructor(
    private readonly patients: PatientRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, patientId }: ViewPatientProfile): Promise<PatientDto> {
    PatientAccessPolicy.enforce(PatientAccessPolicy.toAct(actor, 'view', patientId));
    if (!isUuid(patientId)) throw new NotFoundError('Patient');
    return this.uow.run(async () => {
      const patient = await this.patients.findById(patientId);
      if (!patient) throw new NotFoundError('Patient');
      await this.audit.record(
        patientAudit('patient.record.viewed', actor, patient.id, { view: 'profile' }),
      );
      return patientStateToDto(patient.snapshot());
    });
  }
}
