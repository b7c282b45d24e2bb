import {
  DATABASE_CONFIG,
  DatabaseConfig,
  REDIS_CONFIG,
  RedisConfig,
  redisOptions,
} from '@carebook/core';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { DisconnectNotice, RealtimePublisher } from '../application/ports/realtime-publisher';
import type { RealtimeMessage } from '../domain/socket-events';
import { NOTIFICATIONS_NAMESPACE, realtimeChannelKey } from './realtime-channel';

/**
 * Publishes pushes with `@socket.io/redis-emitter` on the channel the API processes' Redis
 * adapters listen to; each API process delivers them to its own sockets. The emitter does
 * not return its PUBLISH, so the client it is given captures it: a failed publish rejects here
 * and the domain-events job retries instead of losing the push.
 */
@Injectable()
export class RedisRealtimePublisher extends RealtimePublisher implements OnApplicationShutdown {
  private readonly client: Redis;
  private readonly emitter: Emitter;
  private lastPublish?: Promise<unknown>;

  constructor(
    @Inject(REDIS_CONFIG) redis: RedisConfig,
    @Inject(DATABASE_CONFIG) database: Pick<DatabaseConfig, 'url'>,
  ) {
    super();
    // Fails a publish after one reconnect attempt, so a dead Redis shows as a retried job.
    this.client = new Redis(
      redisOptions(redis.url, { maxRetriesPerRequest: 1, connectTimeout: 2000 }),
    );
    this.client.on('error', () => undefined); // reported through the failing jobs
    const capturing = {
      publish: (channel: string, message: string | Buffer) =>
        (this.lastPublish = this.client.publish(channel, message)),
    };
    this.emitter = new Emitter(capturing, { key: realtimeChannelKey(database) }).of(
      NOTIFICATIONS_NAMESPACE,
    );
  }

  async publish(message: RealtimeMessage): Promise<void> {
    // No rooms would mean every socket of the namespace: never broadcast by accident.
    if (!message.rooms.length) return;
    this.emitter.to(message.rooms).emit(message.event, message.payload);
    await this.takePublished();
  }

  async disconnect(rooms: string[], notice: DisconnectNotice): Promise<void> {
    if (!rooms.length) return;
    const target = this.emitter.to(rooms);
    // Redis delivers both in publish order to each API process: the notice arrives first.
    target.emit(notice.event, notice.payload);
    const noticed = this.takePublished();
    target.disconnectSockets(false);
    await Promise.all([noticed, this.takePublished()]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }

  /** The PUBLISH the emitter just sent (it calls `publish` synchronously, once per emit). */
  private takePublished(): Promise<unknown> {
    const published = this.lastPublish ?? Promise.resolve();
    this.lastPublish = undefined;
    return published;
  }
}
