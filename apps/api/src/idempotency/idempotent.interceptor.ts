import {
  Actor,
  ConflictError,
  IdempotencyKeyReusedError,
  IdempotencyRecords,
  requestFingerprint,
  UnitOfWork,
} from '@carebook/core';
import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { ApiIdempotent, idempotencyKeyOf, REPLAY_HEADER } from './idempotency-key';

/**
 * A create route that honours `Idempotency-Key` (API.md) through IdempotencyInterceptor: the
 * first request with a key runs and its answer is kept; a repeat by the same caller with the
 * same request (method, route, parameters, body) gets that answer again and creates nothing.
 */
export const Idempotent = () =>
  applyDecorators(UseInterceptors(IdempotencyInterceptor), ApiIdempotent());

/**
 * Runs an `@Idempotent()` handler that came with a key in ONE transaction with its key's row
 * (`idempotency_records`): the row is claimed first (a racing twin waits on its primary key
 * until this commits, then replays the answer; or finds nothing if this failed), the handler's
 * writes join the transaction (UnitOfWork), and the answer is stored before the commit (a
 * replay answers with the route's own status, as the first request did). A failed
 * request keeps nothing, so it may be retried with the same key. Without a key it does nothing;
 * only `@Idempotent()` routes run it (no cost elsewhere). Callers are told apart by actor id.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly records: IdempotencyRecords,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const key = idempotencyKeyOf(req);
    if (key === undefined || !req.user) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    const principal = req.user.id;
    const fingerprint = requestFingerprint(
      req.method,
      req.route?.path ?? req.path,
      req.params,
      req.body,
    );
    return from(
      this.uow.run(async () => {
        const claimed = await this.records.claim(principal, key, fingerprint);
        if (!claimed) return this.replay(principal, key, fingerprint, res);
        const answer = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.records.keep(principal, key, answer);
        return answer;
      }),
    );
  }

  private async replay(
    principal: string,
    key: string,
    fingerprint: string,
    res: Response,
  ): Promise<unknown> {
    const row = await this.records.find(principal, key);
    // Gone since the claim failed: forgotten (24 h) or replaced by a twin right now.
    if (!row) throw new ConflictError('A request with this Idempotency-Key is changing; retry.');
    if (row.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
    res.setHeader(REPLAY_HEADER, 'true');
    return row.response ?? undefined;
  }
}
