/** @carebook/directory: the public clinician directory (a read model). */
export * from './directory.module';
export * from './application/dto/directory.dto';
export * from './application/queries/search-clinicians/search-clinicians.query';
