import type { DatabaseConfig } from '@carebook/core';

/** The Socket.IO namespace of the contract. */
export const NOTIFICATIONS_NAMESPACE = '/notifications';

/**
 * The Redis pub/sub key the API's Socket.IO adapter and the worker's emitter share. It is
 * derived from the database the processes work on, not from QUEUE_PREFIX: any worker attached
 * to a database may relay its outbox (that is how the relay is meant to scale), so every API
 * process of that database must hear every worker of it, whatever their queue prefixes (test
 * apps each get their own prefix but share one database). Host, port and name, never
 * credentials.
 */
export function realtimeChannelKey(database: Pick<DatabaseConfig, 'url'>): string {
  const url = new URL(database.url);
  const name = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  // Redis channel patterns treat * ? [ ] \ specially; the adapter subscribes with a pattern.
  return `carebook-rt:${url.hostname}:${url.port || '5432'}/${name}`.replace(/[*?[\]\\]/g, '_');
}
