import { Clock, NotFoundError, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClinicianRepository } from '../../../domain/clinician.repository';
import { ClinicianAccessPolicy } from '../../clinician-access-policy';
import { RemoveTimeOff } from './remove-time-off.command';

@CommandHandler(RemoveTimeOff)
export class RemoveTimeOffHandler implements ICommandHandler<RemoveTimeOff> {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ actor, clinicianId, timeOffId }: RemoveTimeOff): Promise<void> {
    return this.uow.run(async () => {
      const clinician = await this.clinicians.findById(clinicianId, { lock: true });
      if (!clinician) throw new NotFoundError('Clinician');
      ClinicianAccessPolicy.enforce(
        ClinicianAccessPolicy.toEditSchedule(actor, clinician.snapshot()),
      );
      const timeOff = await this.clinicians.findTimeOff(clinician.id, timeOffId);
      if (!timeOff) throw new NotFoundError('Time off');
      clinician.removeTimeOff(timeOff, this.clock.now());
      await this.clinicians.save(clinician);
    });
  }
}
