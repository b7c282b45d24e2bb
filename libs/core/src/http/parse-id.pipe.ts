import { ParseUUIDPipe } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error';

/** A path id that is not a UUID cannot name anything: answer 404 like any unknown id. */
export function ParseId(what = 'The resource'): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError(what) });
}
