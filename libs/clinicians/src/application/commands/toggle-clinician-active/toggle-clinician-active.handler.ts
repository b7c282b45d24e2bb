import { Clock, NotFoundError, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClinicianRepository } from '../../../domain/clinician.repository';
import { ClinicianAccessPolicy } from '../../clinician-access-policy';
import { clinicianStateToDto } from '../../clinician-view';
import type { ClinicianDto } from '../../dto/clinician.dto';
import { StaffAccounts } from '../../ports/staff-accounts';
import { ToggleClinicianActive } from './toggle-clinician-active.command';

@CommandHandler(ToggleClinicianActive)
export class ToggleClinicianActiveHandler implements ICommandHandler<ToggleClinicianActive> {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly staff: StaffAccounts,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ actor, clinicianId }: ToggleClinicianActive): Promise<ClinicianDto> {
    return this.uow.run(async () => {
      const clinician = await this.clinicians.findById(clinicianId, { lock: true });
      if (!clinician) throw new NotFoundError('Clinician');
      ClinicianAccessPolicy.enforce(ClinicianAccessPolicy.toManage(actor, clinician.snapshot()));
      const user = await this.staff.find(clinician.userId);
      if (!user) throw new NotFoundError('Clinician');
      clinician.toggleActive(this.clock.now());
      await this.clinicians.save(clinician);
      return clinicianStateToDto(clinician.snapshot(), user.fullName);
    });
  }
}
