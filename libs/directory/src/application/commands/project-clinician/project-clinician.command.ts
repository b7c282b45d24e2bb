import { Command } from '@nestjs/cqrs';

/** Rebuilds one clinician's directory row from the owning contexts (safe to run any time, twice). */
export class ProjectClinician extends Command<void> {
  constructor(readonly clinicianId: string) {
    super();
  }
}
