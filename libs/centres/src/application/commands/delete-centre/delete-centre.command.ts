import { Command } from '@nestjs/cqrs';

/** Removes a centre (soft delete). */
export class DeleteCentre extends Command<void> {
  constructor(readonly centreId: string) {
    super();
  }
}
