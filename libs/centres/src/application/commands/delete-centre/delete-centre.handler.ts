import { Clock, NotFoundError } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CentreRepository } from '../../../domain/centre.repository';
import { DeleteCentre } from './delete-centre.command';

@CommandHandler(DeleteCentre)
export class DeleteCentreHandler implements ICommandHandler<DeleteCentre> {
  constructor(
    private readonly centres: CentreRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ centreId }: DeleteCentre): Promise<void> {
    const centre = await this.centres.findById(centreId);
    if (!centre) throw new NotFoundError('Centre');
    centre.remove(this.clock.now());
    await this.centres.save(centre);
  }
}
