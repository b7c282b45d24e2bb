import { Clock, NotFoundError } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CentreRepository } from '../../../domain/centre.repository';
import { centreStateToDto } from '../../centre-view';
import type { CentreDto } from '../../dto/centre.dto';
import { ToggleCentreActive } from './toggle-centre-active.command';

@CommandHandler(ToggleCentreActive)
export class ToggleCentreActiveHandler implements ICommandHandler<ToggleCentreActive> {
  constructor(
    private readonly centres: CentreRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ centreId }: ToggleCentreActive): Promise<CentreDto> {
    const centre = await this.centres.findById(centreId);
    if (!centre) throw new NotFoundError('Centre');
    centre.toggleActive(this.clock.now());
    await this.centres.save(centre);
    return centreStateToDto(centre.snapshot());
  }
}
