import { Clock, NotFoundError, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClinicianRepository } from '../../../domain/clinician.repository';
import { ClinicianAccessPolicy } from '../../clinician-access-policy';
import { StaffAccounts } from '../../ports/staff-accounts';
import { DeleteClinician } from './delete-clinician.command';

@CommandHandler(DeleteClinician)
export class DeleteClinicianHandler implements ICommandHandler<DeleteClinician> {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly staff: StaffAccounts,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ actor, clinicianId }: DeleteClinician): Promise<void> {
    return this.uow.run(async () => {
      const clinician = await this.clinicians.findById(clinicianId, { lock: true });
      if (!clinician) throw new NotFoundError('Clinician');
      ClinicianAccessPolicy.enforce(ClinicianAccessPolicy.toManage(actor, clinician.snapshot()));
      clinician.remove(this.clock.now());
      await this.clinicians.save(clinician);
      await this.staff.remove(actor, clinician.userId);
    });
  }
}
