import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
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
 * Publishes outbox rows as BullMQ jobs whose id is the event id, so publishing the same row
 * twice yields one job. Completed jobs are kept for a day to make that dedupe hold. Its own
 * connection fails fast while Redis is down, so the relay retries instead of hanging.
 */
@Injectable()
export class BullmqOutboxPublisher extends OutboxPublisher implements OnApplicationShutdown {
  private readonly queue: Queue<DomainEventJob>;

  constructor(@Inject(REDIS_CONFIG) redis: RedisConfig) {
    super();
    this.queue = new Queue<DomainEventJob>(DOMAIN_EVENTS_QUEUE, {
      prefix: redis.queuePrefix,
      connection: bullConnection(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
    });
    this.queue.on('error', () => undefined); // reported through the relay's retries
  }

  async publish(messages: RelayedMessage[]): Promise<void> {
    await this.queue.addBulk(
      messages.map((m) => ({
        name: m.type,
        data: { eventId: m.id, type: m.type, payload: m.payload },
        opts: {
          jobId: m.id,
          attempts: 8,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 24 * 3600 },
          removeOnFail: false,
        },
      })),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
