import { isUuid, NotFoundError } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PatientRepository } from '../../../domain/patient.repository';
import type { PatientDto } from '../../dto/patient.dto';
import { patientStateToDto } from '../../patient-view';
import { GetPatient } from './get-patient.query';

@QueryHandler(GetPatient)
export class GetPatientHandler implements IQueryHandler<GetPatient> {
  constructor(private readonly patients: PatientRepository) {}

  async execute({ patientId }: GetPatient): Promise<PatientDto> {
    const patient = isUuid(patientId) ? await this.patients.findById(patientId) : undefined;
    if (!patient) throw new NotFoundError('Patient');
    return patientStateToDto(patient.snapshot());
  }
}
