import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { ConflictError, RateLimitedError, ValidationFailedError } from './domain-error';
import { registerErrorStatus } from './error-status';
import { toProblem } from './problem-details.filter';

const pgError = (code: string) => new QueryFailedError('INSERT ...', [], Object.assign(new Error('pg'), { code }));

describe('toProblem', () => {
  it('maps domain errors through the code table, with field errors', () => {
    const { problem } = toProblem(new ValidationFailedError([{ field: 'name', message: 'name is required' }]));
    expect(problem).toEqual({
      type: 'urn:carebook:problem:validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'The request has invalid fields.',
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'name', message: 'name is required' }],
    });
  });

  it('lets a context register its own codes', () => {
    class SlotUnavailable extends ConflictError {
      override readonly code = 'SLOT_UNAVAILABLE_TEST';
    }
    registerErrorStatus({ SLOT_UNAVAILABLE_TEST: 409 });
    expect(toProblem(new SlotUnavailable('taken')).problem).toMatchObject({ status: 409, code: 'SLOT_UNAVAILABLE_TEST' });
  });

  it.each([
    ['23505', 409, 'CONFLICT'],
    ['23P01', 409, 'CONFLICT'],
    ['23503', 400, 'VALIDATION_FAILED'],
    ['23514', 400, 'VALIDATION_FAILED'],
    ['22P02', 400, 'VALIDATION_FAILED'],
  ])('translates SQLSTATE %s to %i, never 500', (sqlstate, status, code) => {
    expect(toProblem(pgError(sqlstate)).problem).toMatchObject({ status, code });
  });

  it('maps framework exceptions and hides unknown errors', () => {
    expect(toProblem(new NotFoundException()).problem).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(toProblem(new BadRequestException('Unexpected token in JSON')).problem).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST' });
    expect(toProblem(new ThrottlerException()).problem).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(toProblem(new RateLimitedError(30)).retryAfter).toBe(30);
    const hidden = toProblem(new Error('password=hunter2 at db')).problem;
    expect(hidden).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(hidden.detail).not.toContain('hunter2');
  });
});
