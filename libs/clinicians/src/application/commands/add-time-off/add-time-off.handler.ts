import { Clock, NotFoundError, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClinicianRepository } from '../../../domain/clinician.repository';
import { ClinicianAccessPolicy } from '../../clinician-access-policy';
import { timeOffToDto } from '../../clinician-view';
import type { TimeOffDto } from '../../dto/availability.dto';
import { AddTimeOff } from './add-time-off.command';

@CommandHandler(AddTimeOff)
export class AddTimeOffHandler implements ICommandHandler<AddTimeOff> {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ actor, clinicianId, timeOff }: AddTimeOff): Promise<TimeOffDto> {
    return this.uow.run(async () => {
      const clinician = await this.clinicians.findById(clinicianId, { lock: true });
      if (!clinician) throw new NotFoundError('Clinician');
      ClinicianAccessPolicy.enforce(
        ClinicianAccessPolicy.toEditSchedule(actor, clinician.snapshot()),
      );
      const { startsAt, endsAt, reason } = timeOff;
      const added = clinician.addTimeOff(startsAt, endsAt, reason, this.clock.now());
      await this.clinicians.save(clinician);
      return timeOffToDto(added.snapshot(), true);
    });
  }
}
