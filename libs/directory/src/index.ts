/** @carebook/directory: the public clinician directory (a read model kept by the worker). */
export * from './directory.module';
export * from './application/dto/directory.dto';
export * from './application/queries/search-clinicians/search-clinicians.query';
export * from './application/commands/project-clinician/project-clinician.command';
export * from './application/commands/refresh-directory/refresh-directory.command';
export * from './application/commands/reorder-directory/reorder-directory.command';
