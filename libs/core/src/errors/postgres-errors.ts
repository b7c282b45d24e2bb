import { QueryFailedError } from 'typeorm';
import { ConflictError, DomainError, ValidationFailedError } from './domain-error';

/** SQLSTATE codes the database uses to say "this change breaks an invariant". */
export const PG = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  CHECK_VIOLATION: '23514',
  NOT_NULL_VIOLATION: '23502',
  EXCLUSION_VIOLATION: '23P01',
  INVALID_TEXT_REPRESENTATION: '22P02',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
} as const;

interface PgDriverError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** The SQLSTATE and constraint of a failed query, or undefined for any other error. */
export function pgErrorOf(error: unknown): { code: string; constraint?: string } | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driver = error.driverError as PgDriverError;
  return driver?.code ? { code: driver.code, constraint: driver.constraint } : undefined;
}

/**
 * Last line of defence: repositories translate the constraints they know into precise domain
 * errors; anything that still reaches the HTTP layer becomes a generic 4xx, never a 500.
 */
export function translateConstraintViolation(error: unknown): DomainError | undefined {
  const pg = pgErrorOf(error);
  if (!pg) return undefined;
  switch (pg.code) {
    case PG.UNIQUE_VIOLATION:
    case PG.EXCLUSION_VIOLATION:
      return new ConflictError('The change conflicts with existing data.');
    case PG.FOREIGN_KEY_VIOLATION:
      return new ValidationFailedError([], 'The request refers to something that does not exist.');
    case PG.CHECK_VIOLATION:
    case PG.NOT_NULL_VIOLATION:
    case PG.INVALID_TEXT_REPRESENTATION:
      return new ValidationFailedError([], 'The request breaks a data rule.');
    default:
      return undefined;
  }
}
