import { Clock } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Centre } from '../../../domain/centre';
import { CentreRepository } from '../../../domain/centre.repository';
import { GeoPoint } from '../../../domain/geo-point';
import { TimeZone } from '../../../domain/time-zone';
import { centreStateToDto } from '../../centre-view';
import type { CentreDto } from '../../dto/centre.dto';
import { CreateCentre } from './create-centre.command';

@CommandHandler(CreateCentre)
export class CreateCentreHandler implements ICommandHandler<CreateCentre> {
  constructor(
    private readonly centres: CentreRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ input }: CreateCentre): Promise<CentreDto> {
    const centre = Centre.open(
      {
        name: input.name.trim(),
        city: input.city.trim(),
        address: input.address.trim(),
        phone: input.phone,
        email: input.email ?? null,
        timeZone: TimeZone.of(input.timeZone ?? TimeZone.DEFAULT),
        location: GeoPoint.of(input.location.lat, input.location.lng),
      },
      this.clock.now(),
    );
    await this.centres.save(centre);
    return centreStateToDto(centre.snapshot());
  }
}
