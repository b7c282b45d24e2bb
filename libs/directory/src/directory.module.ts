import { Module } from '@nestjs/common';
import { ProjectClinicianHandler } from './application/commands/project-clinician/project-clinician.handler';
import { RefreshDirectoryHandler } from './application/commands/refresh-directory/refresh-directory.handler';
import { ReorderDirectoryHandler } from './application/commands/reorder-directory/reorder-directory.handler';
import { ProjectOnCentreEvents, ProjectOnClinicianEvents } from './application/event-handlers/project-on-clinician-events.handler';
import { SearchCliniciansHandler } from './application/queries/search-clinicians/search-clinicians.handler';

const commandHandlers = [ProjectClinicianHandler, RefreshDirectoryHandler, ReorderDirectoryHandler];
const queryHandlers = [SearchCliniciansHandler];
const eventHandlers = [ProjectOnClinicianEvents, ProjectOnCentreEvents];

/**
 * The clinician directory: a projection of clinicians, their primary centre and their free
 * slots, kept by the worker from the owning contexts' events, answering `GET /clinicians` in one
 * query. Event handlers run only where the outbox is dispatched (the worker).
 */
@Module({
  providers: [...commandHandlers, ...queryHandlers, ...eventHandlers],
})
export class DirectoryModule {}
