import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '../auth/actor';

/** What code deep inside a use case may know about the HTTP request it serves. */
export interface CurrentRequest {
  /** The id nestjs-pino logs and echoes as `X-Request-Id` (the caller's, when sane). */
  readonly requestId: string | undefined;
  /** The client address, `req.ip` (proxies are trusted as configured by `configureHttpApp`). */
  readonly ip: string | undefined;
  readonly userAgent?: string;
  /** The authenticated caller, once the guards have run; undefined before that and for anonymous calls. */
  readonly actor: Actor | undefined;
  readonly request: Request;
}

/**
 * Everything is read from the request when asked, not copied when the request arrives: this
 * middleware runs before pino-http (Nest applies module middleware at `init()`, after every
 * `app.use()`), which assigns `req.id`, and the guards set `req.user` later still.
 */
class ExpressRequestInfo implements CurrentRequest {
  constructor(readonly request: Request) {}

  get requestId(): string | undefined {
    const id = (this.request as { id?: unknown }).id;
    return id === undefined || id === null || id === '' ? undefined : String(id);
  }

  get ip(): string | undefined {
    return this.request.ip;
  }

  get userAgent(): string | undefined {
    return this.request.get('user-agent');
  }

  get actor(): Actor | undefined {
    return (this.request as { user?: Actor }).user;
  }
}

const storage = new AsyncLocalStorage<CurrentRequest>();

/**
 * The current HTTP request, without passing `req` down through commands and handlers
 * (`AsyncLocalStorage`). Outside HTTP (worker jobs, start-up) there is none: `current()` is
 * undefined and callers pass what they know (the actor, a job's request id) explicitly.
 */
export const RequestContext = {
  /** The request being served, or undefined outside HTTP. */
  current(): CurrentRequest | undefined {
    return storage.getStore();
  },

  /** Runs `work` as part of `request` (the middleware does this for every HTTP request). */
  run<T>(request: Request, work: () => T): T {
    return storage.run(new ExpressRequestInfo(request), work);
  },

  /** Express middleware that opens the context; `configureHttpApp` installs it for every route. */
  middleware(request: Request, _response: Response, next: NextFunction): void {
    storage.run(new ExpressRequestInfo(request), next);
  },
} as const;
