import { isUuid, UnitOfWork } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GetPatientNames, PatientName } from './get-patient-names.query';

@QueryHandler(GetPatientNames)
export class GetPatientNamesHandler implements IQueryHandler<GetPatientNames> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ patientIds }: GetPatientNames): Promise<PatientName[]> {
    const ids = [...new Set(patientIds)].filter(isUuid);
    if (!ids.length) return [];
    return this.uow
      .manager()
      .query(
        `SELECT id, full_name AS "fullName" FROM patients WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
        [ids],
      );
  }
}
