import { NotFoundError } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClinicianRepository } from '../../../domain/clinician.repository';
import { ClinicianAccessPolicy } from '../../clinician-access-policy';
import { clinicianStateToDto } from '../../clinician-view';
import type { ClinicianDto } from '../../dto/clinician.dto';
import { StaffAccounts } from '../../ports/staff-accounts';
import { GetClinician } from './get-clinician.query';

@QueryHandler(GetClinician)
export class GetClinicianHandler implements IQueryHandler<GetClinician> {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly staff: StaffAccounts,
  ) {}

  async execute({ clinicianId, actor }: GetClinician): Promise<ClinicianDto> {
    const clinician = await this.clinicians.findById(clinicianId);
    const state = clinician?.snapshot();
    if (!state || (!state.isActive && !ClinicianAccessPolicy.seesPrivate(actor, state)))
      throw new NotFoundError('Clinician');
    // A clinician whose staff user is gone is on the way out (see the StaffUserDeleted handler).
    const user = await this.staff.find(state.userId);
    if (!user) throw new NotFoundError('Clinician');
    return clinicianStateToDto(state, user.fullName);
  }
}
