import { Command } from '@nestjs/cqrs';
import type { CentreDto } from '../../dto/centre.dto';
import type { CentreInput } from '../create-centre/create-centre.command';

/** Changes a centre's details; omitted fields keep their value. */
export class UpdateCentre extends Command<CentreDto> {
  constructor(
    readonly centreId: string,
    readonly changes: Partial<CentreInput>,
  ) {
    super();
  }
}
