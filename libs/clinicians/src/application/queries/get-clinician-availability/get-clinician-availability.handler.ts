import { Clock, NotFoundError } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClinicianRepository } from '../../../domain/clinician.repository';
import { ClinicianAccessPolicy } from '../../clinician-access-policy';
import { availabilityToDto } from '../../clinician-view';
import type { AvailabilityDto } from '../../dto/availability.dto';
import { GetClinicianAvailability } from './get-clinician-availability.query';

@QueryHandler(GetClinicianAvailability)
export class GetClinicianAvailabilityHandler implements IQueryHandler<GetClinicianAvailability> {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ clinicianId, actor }: GetClinicianAvailability): Promise<AvailabilityDto> {
    const clinician = await this.clinicians.findById(clinicianId);
    const state = clinician?.snapshot();
    if (!state) throw new NotFoundError('Clinician');
    const insider = ClinicianAccessPolicy.seesPrivate(actor, state);
    if (!state.isActive && !insider) throw new NotFoundError('Clinician');
    const timeOff = await this.clinicians.findUpcomingTimeOff(state.id, this.clock.now());
    return availabilityToDto(
      state,
      timeOff.map((t) => t.snapshot()),
      insider,
    );
  }
}
