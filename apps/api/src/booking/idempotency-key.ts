import { ValidationFailedError } from '@carebook/core';
import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';

const KEY = /^[\x21-\x7e]{1,255}$/;
/** Set on a create answered from an earlier request with the same Idempotency-Key. */
export const REPLAY_HEADER = 'Idempotent-Replayed';

/** The request's `Idempotency-Key` (1-255 visible ASCII characters), or undefined. */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined => {
    const value = ctx.switchToHttp().getRequest<Request>().header('idempotency-key');
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
  },
);

/** Swagger for a create route that takes an Idempotency-Key. */
export const ApiIdempotent = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes the create safe to retry: the same key (per caller) with the same body answers the first ' +
        `appointment and creates nothing (header \`${REPLAY_HEADER}: true\`); with another body, 422 ` +
        '`IDEMPOTENCY_KEY_REUSED`.',
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
