import type { NextFunction, Request, Response } from 'express';
import { Role } from '../auth/roles';
import { RequestContext } from './request-context';

const headers: Record<string, string> = { 'user-agent': 'jest' };
const fakeRequest = (fields: Record<string, unknown> = {}) =>
  ({
    ip: '203.0.113.7',
    get: (name: string) => headers[name.toLowerCase()],
    ...fields,
  }) as unknown as Request;

/** Runs the middleware and answers what `work` saw inside it. */
const serve = <T>(request: Request, work: () => Promise<T>): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const next: NextFunction = () => void work().then(resolve, reject);
    RequestContext.middleware(request, {} as Response, next);
  });

describe('RequestContext', () => {
  it('is empty outside a request', () => {
    expect(RequestContext.current()).toBeUndefined();
  });

  it('holds the request through awaits and timers, and reads ip and user agent from it', async () => {
    const request = fakeRequest({ id: 'req-1' });
    const seen = await serve(request, async () => {
      await new Promise((r) => setTimeout(r, 5));
      await Promise.resolve();
      const current = RequestContext.current();
      return {
        requestId: current?.requestId,
        ip: current?.ip,
        userAgent: current?.userAgent,
        same: current?.request === request,
      };
    });
    expect(seen).toEqual({ requestId: 'req-1', ip: '203.0.113.7', userAgent: 'jest', same: true });
    expect(RequestContext.current()).toBeUndefined();
  });

  it('reads the request id and the actor lazily (pino-http and the guards run after it)', async () => {
    const request = fakeRequest();
    const seen = await serve(request, async () => {
      const before = {
        requestId: RequestContext.current()?.requestId,
        actor: RequestContext.current()?.actor,
      };
      Object.assign(request, {
        id: 'set-by-pino',
        user: { kind: 'staff', id: 'u1', role: Role.ADMIN, centreIds: [] },
      });
      return {
        before,
        after: {
          requestId: RequestContext.current()?.requestId,
          actor: RequestContext.current()?.actor,
        },
      };
    });
    expect(seen.before).toEqual({ requestId: undefined, actor: undefined });
    expect(seen.after).toEqual({
      requestId: 'set-by-pino',
      actor: { kind: 'staff', id: 'u1', role: 'ADMIN', centreIds: [] },
    });
  });

  it('keeps concurrent requests apart', async () => {
    const ids = await Promise.all(
      ['a', 'b', 'c'].map((id, i) =>
        serve(fakeRequest({ id }), async () => {
          await new Promise((r) => setTimeout(r, 10 - i * 3));
          return RequestContext.current()?.requestId;
        }),
      ),
    );
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('run() opens a context for code that serves a request outside the middleware', () => {
    expect(
      RequestContext.run(fakeRequest({ id: 7 }), () => RequestContext.current()?.requestId),
    ).toBe('7');
  });
});
