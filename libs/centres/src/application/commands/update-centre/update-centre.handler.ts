import { Clock, NotFoundError } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CentreDetails } from '../../../domain/centre';
import { CentreRepository } from '../../../domain/centre.repository';
import { GeoPoint } from '../../../domain/geo-point';
import { TimeZone } from '../../../domain/time-zone';
import { centreStateToDto } from '../../centre-view';
import type { CentreDto } from '../../dto/centre.dto';
import { UpdateCentre } from './update-centre.command';

@CommandHandler(UpdateCentre)
export class UpdateCentreHandler implements ICommandHandler<UpdateCentre> {
  constructor(
    private readonly centres: CentreRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ centreId, changes }: UpdateCentre): Promise<CentreDto> {
    const centre = await this.centres.findById(centreId);
    if (!centre) throw new NotFoundError('Centre');
    const details: Partial<CentreDetails> = {
      name: changes.name?.trim(),
      city: changes.city?.trim(),
      address: changes.address?.trim(),
      phone: changes.phone,
      email: changes.email,
      timeZone: changes.timeZone === undefined ? undefined : TimeZone.of(changes.timeZone),
      location: changes.location && GeoPoint.of(changes.location.lat, changes.location.lng),
    };
    centre.revise(details, this.clock.now());
    await this.centres.save(centre);
    return centreStateToDto(centre.snapshot());
  }
}
