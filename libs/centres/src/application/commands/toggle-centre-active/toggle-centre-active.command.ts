import { Command } from '@nestjs/cqrs';
import type { CentreDto } from '../../dto/centre.dto';

/** Switches a centre on or off for booking and search. */
export class ToggleCentreActive extends Command<CentreDto> {
  constructor(readonly centreId: string) {
    super();
  }
}
