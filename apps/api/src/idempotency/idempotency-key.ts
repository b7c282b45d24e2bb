import { ValidationFailedError } from '@carebook/core';
import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';

const KEY = /^[\x21-\x7e]{1,255}$/;
/** Set on a create answered from an earlier request with the same Idempotency-Key. */
export const REPLAY_HEADER = 'Idempotent-Replayed';

/** The request's `Idempotency-Key` (1-255 visible ASCII characters), or undefined; 400 if malformed. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const value = req.header('idempotency-key');
  if (value === undefined) return undefined;
  if (!KEY.test(value)) {
    throw new ValidationFailedError([
      {
        field: 'Idempotency-Key',
        message: 'Idempotency-Key must be 1-255 visible ASCII characters',
      },
    ]);
  }
  return value;
}

/** The request's `Idempotency-Key` as a handler parameter (see `idempotencyKeyOf`). */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined =>
    idempotencyKeyOf(ctx.switchToHttp().getRequest<Request>()),
);

/** Swagger for a create route that takes an Idempotency-Key. */
export const ApiIdempotent = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes the create safe to retry: the same key (per caller) with the same request answers ' +
        `the first response and creates nothing (header \`${REPLAY_HEADER}: true\`); with another ` +
        'request, 422 `IDEMPOTENCY_KEY_REUSED`. 1-255 visible ASCII characters.',
    }),
    ApiResponse({
      status: 422,
      description: 'The key was used with a different request (`IDEMPOTENCY_KEY_REUSED`)',
    }),
  );

/** Marks a replayed answer. */
export function markReplay(res: Response, replayed: boolean): void {
  if (replayed) res.setHeader(REPLAY_HEADER, 'true');
}
