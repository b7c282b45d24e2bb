import {
  APP_CONFIG,
  AppConfig,
  DATABASE_CONFIG,
  DatabaseConfig,
  REDIS_CONFIG,
  RedisConfig,
  redisOptions,
} from '@carebook/core';
import type { INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { realtimeChannelKey } from './realtime-channel';

type IoServer = ReturnType<IoAdapter['createIOServer']>;
type IoServerOptions = NonNullable<Parameters<IoAdapter['createIOServer']>[1]>;

/**
 * The API's Socket.IO server: on the HTTP server, with the HTTP API's CORS origins, and with
 * `@socket.io/redis-adapter` so that a push published by the worker (or an emit on any API
 * process) reaches the sockets of every API process. Install it before the app initialises:
 * `app.useWebSocketAdapter(new RealtimeIoAdapter(app))`.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(private readonly app: INestApplication) {
    super(app);
  }

  override createIOServer(port: number, options?: IoServerOptions): IoServer {
    const appConfig = this.app.get<AppConfig>(APP_CONFIG);
    const server = super.createIOServer(port, {
      ...options,
      serveClient: false,
      // Clients only send tokens and city names.
      maxHttpBufferSize: 64 * 1024,
      cors: {
        origin: appConfig.corsOrigins === '*' ? true : appConfig.corsOrigins,
        credentials: appConfig.corsOrigins !== '*',
      },
    } as IoServerOptions);
    const redis = this.app.get<RedisConfig>(REDIS_CONFIG);
    const database = this.app.get<DatabaseConfig>(DATABASE_CONFIG);
    const pub = new Redis(
      redisOptions(redis.url, { maxRetriesPerRequest: 1, connectTimeout: 2000 }),
    );
    // The subscriptions wait for Redis however long it takes: a SUBSCRIBE that failed while
    // Redis was down at boot would not be renewed on reconnect, and this process would go deaf.
    const sub = new Redis(redisOptions(redis.url, { maxRetriesPerRequest: null }));
    for (const client of [pub, sub]) {
      client.on('error', () => undefined); // pushes resume when Redis is back (auto-resubscribe)
      this.clients.push(client);
    }
    ignoreUnsubscribeFailures(sub);
    server.adapter(createAdapter(pub, sub, { key: realtimeChannelKey(database) }));
    return server;
  }

  override async dispose(): Promise<void> {
    // disconnect(), not quit(): shutdown must not wait for a Redis that may be down.
    for (const client of this.clients.splice(0)) client.disconnect();
    await super.dispose();
  }
}

/**
 * The Redis adapter's `close()` (Socket.IO calls it at shutdown) unsubscribes without waiting
 * for or handling the answers; once `dispose()` has disconnected the client (or Redis is down)
 * those commands fail with "Connection is closed." as unhandled rejections. Nothing is left to
 * unsubscribe from a closed connection, so their failures are dropped here.
 */
function ignoreUnsubscribeFailures(client: Redis): void {
  for (const method of ['unsubscribe', 'punsubscribe'] as const) {
    const send = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const answer = send(...args);
      answer.catch(() => undefined);
      return answer;
    };
  }
}
