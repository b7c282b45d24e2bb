import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { ConnectionOptions as BullConnectionOptions } from 'bullmq';
import Redis, { RedisOptions } from 'ioredis';
import { REDIS_CONFIG } from '../config/config.module';
import type { RedisConfig } from '../config/env';

/** ioredis options for a URL. BullMQ workers need `maxRetriesPerRequest: null`. */
export function redisOptions(url: string, extra: RedisOptions = {}): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    ...extra,
  };
}

/**
 * A client for quick checks (health): commands fail at once while Redis is down instead of
 * queueing, so a dead Redis never stalls a request.
 */
@Injectable()
export class RedisProbe implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(REDIS_CONFIG) config: RedisConfig) {
    this.client = new Redis(
      redisOptions(config.url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: 2000,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
        lazyConnect: false,
      }),
    );
    this.client.on('error', () => undefined); // state is reported by health, not by log spam
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly probe: RedisProbe,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'redis') {
    const indicator = this.health.check(key);
    try {
      const answer = await withTimeout(this.probe.client.ping(), 1500);
      return answer === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected answer ${answer}` });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}

@Global()
@Module({ providers: [RedisProbe], exports: [RedisProbe] })
export class RedisModule {}

/** Connection options for BullMQ (its own option type) from the same URL. */
export function bullConnection(url: string, extra: RedisOptions = {}): BullConnectionOptions {
  return redisOptions(url, extra) as BullConnectionOptions;
}
