import { Module } from '@nestjs/common';
import { SearchCliniciansHandler } from './application/queries/search-clinicians/search-clinicians.handler';

const queryHandlers = [SearchCliniciansHandler];

/**
 * The clinician directory: a projection of clinicians, their centres and their free slots,
 * kept by the worker, answering `GET /clinicians` in one query.
 */
@Module({
  providers: [...queryHandlers],
})
export class DirectoryModule {}
