import { bullConnection, REDIS_CONFIG, RedisConfig, toProblem } from '@carebook/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DASHBOARD_PATH, DASHBOARD_QUEUES } from './dashboard-queues';
import { QueueDashboardAuth } from './queue-dashboard-auth';

/**
 * bull-board at `/admin/queues`, for ADMIN only, over the queues of DASHBOARD_QUEUES under the
 * configured QUEUE_PREFIX (so it shows the worker's real jobs). It is an Express router mounted
 * outside the `/api` prefix; every request, the page, its assets and its JSON API alike, passes
 * QueueDashboardAuth first, and refusals are problem+json like the rest of the API.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit, OnApplicationShutdown {
  private queues: Queue[] = [];
  private router?: RequestHandler;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: QueueDashboardAuth,
    @Inject(REDIS_CONFIG) private readonly redis: RedisConfig,
  ) {}

  /** Before Nest's not-found handler, which is registered after the init hooks. */
  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return; // an application context without HTTP (CLI, tests of modules)
    http
      .getInstance()
      .use(
        DASHBOARD_PATH,
        this.guard,
        dashboardHeaders,
        (req: Request, res: Response, next: NextFunction) => this.board()(req, res, next),
      );
  }

  /**
   * The board and its queues, made when an admin first opens it: API processes nobody opens
   * the dashboard on keep no Redis connections for it.
   */
  private board(): RequestHandler {
    if (this.router) return this.router;
    // Commands fail instead of hanging while Redis is down: the page answers with an error.
    const connection = bullConnection(this.redis.url, { maxRetriesPerRequest: 1 });
    this.queues = DASHBOARD_QUEUES.map(
      (name) => new Queue(name, { prefix: this.redis.queuePrefix, connection }),
    );
    for (const queue of this.queues) queue.on('error', () => undefined);
    const adapter = new ExpressAdapter();
    adapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: this.queues.map((queue) => new BullMQAdapter(queue)),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'carebook queues' } },
    });
    return (this.router = adapter.getRouter() as RequestHandler);
  }

  async onApplicationShutdown(): Promise<void> {
    // Never wait on a Redis that is gone: the queues hold no state worth flushing.
    await Promise.all(this.queues.map((queue) => queue.disconnect().catch(() => undefined)));
  }

  private readonly guard = (req: Request, res: Response, next: NextFunction): void => {
    this.auth.admin(req.headers).then(
      () => next(),
      (error: unknown) => {
        const { problem } = toProblem(error);
        res
          .status(problem.status)
          .type('application/problem+json')
          .send(JSON.stringify({ ...problem, instance: req.originalUrl.split('?')[0] }));
      },
    );
  };
}

/**
 * Helmet's CSP (set for the whole app) already allows the UI: same-origin scripts, inline
 * styles, https fonts. The page and its data are an admin's: never cached or indexed.
 */
function dashboardHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Robots-Tag', 'noindex');
  next();
}
