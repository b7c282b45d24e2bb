import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { REDIS_CONFIG } from '../config/config.module';
import type { RedisConfig } from '../config/env';
import { bullConnection } from '../redis/redis';
import { OutboxPublisher, RelayedMessage } from './outbox-relay';

/** The queue every committed domain event passes through on its way to the worker's handlers. */
export const DOMAIN_EVENTS_QUEUE = 'domain-events';

/** The job a domain event becomes: its outbox name and JSON. */
export interface DomainEventJob {
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Sends the events of one outbox type straight to the queue that does their work, as the job
 * it would have become, instead of through `domain-events` and a handler that adds that job
 * (one queue hop less per event, e.g. a MessageQueued becomes its `deliver` job). The job id
 * must be derived from the event (its id, or its aggregate's id when there is one event per
 * aggregate) so that publishing it twice still makes one job. A routed type reaches no
 * `@OnDomainEvent` handler.
 */
export interface OutboxRoute {
  /** The outbox name (`eventNameOf(EventClass)`). */
  type: string;
  queue: string;
  job(message: RelayedMessage): { name: string; data: unknown; jobId: string; opts?: JobsOptions };
}

/** DI token of the worker's `OutboxRoute[]` (optional). */
export const OUTBOX_ROUTES = Symbol('OUTBOX_ROUTES');

const DOMAIN_EVENT_JOB: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: false,
};

/**
 * Publishes outbox rows as BullMQ jobs whose id comes from the event (the event id on
 * `domain-events`; a route's own id otherwise), so publishing the same row twice yields one
 * job. Completed jobs are kept for a day to make that dedupe hold. One `addBulk` per queue and
 * batch. Its own connection fails fast while Redis is down, so the relay retries instead of
 * hanging.
 */
@Injectable()
export class BullmqOutboxPublisher extends OutboxPublisher implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();
  private readonly routes: ReadonlyMap<string, OutboxRoute>;

  constructor(
    @Inject(REDIS_CONFIG) redis: RedisConfig,
    @Optional() @Inject(OUTBOX_ROUTES) routes: OutboxRoute[] | null = null,
  ) {
    super();
    this.routes = new Map((routes ?? []).map((route) => [route.type, route]));
    const connection = bullConnection(redis.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    for (const name of new Set([
      DOMAIN_EVENTS_QUEUE,
      ...[...this.routes.values()].map((r) => r.queue),
    ])) {
      const queue = new Queue(name, { prefix: redis.queuePrefix, connection });
      queue.on('error', () => undefined); // reported through the relay's retries
      this.queues.set(name, queue);
    }
  }

  async publish(messages: RelayedMessage[]): Promise<void> {
    const jobs = new Map<string, Array<{ name: string; data: unknown; opts: JobsOptions }>>();
    for (const m of messages) {
      const route = this.routes.get(m.type);
      const queue = route?.queue ?? DOMAIN_EVENTS_QUEUE;
      const job = route
        ? (({ name, data, jobId, opts }) => ({ name, data, opts: { ...opts, jobId } }))(
            route.job(m),
          )
        : {
            name: m.type,
            data: { eventId: m.id, type: m.type, payload: m.payload } satisfies DomainEventJob,
            opts: { ...DOMAIN_EVENT_JOB, jobId: m.id },
          };
      const bulk = jobs.get(queue);
      if (bulk) bulk.push(job);
      else jobs.set(queue, [job]);
    }
    await Promise.all([...jobs].map(([queue, bulk]) => this.queues.get(queue)!.addBulk(bulk)));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
