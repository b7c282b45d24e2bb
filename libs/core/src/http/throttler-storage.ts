import type { ExecutionContext, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';

/** Hit expiry times of one key and throttler, oldest first; `head` skips the expired ones. */
class HitQueue {
  private times: number[] = [];
  private head = 0;

  get count(): number {
    return this.times.length - this.head;
  }

  /** The earliest live expiry (only meaningful when `count > 0`). */
  get earliest(): number {
    return this.times[this.head];
  }

  prune(now: number): void {
    const times = this.times;
    let head = this.head;
    while (head < times.length && times[head] <= now) head++;
    if (head > 1024 && head * 2 > times.length) {
      this.times = times.slice(head);
      this.head = 0;
    } else {
      this.head = head;
    }
  }

  push(expiresAt: number): void {
    const times = this.times;
    if (times.length === this.head || times[times.length - 1] <= expiresAt) {
      times.push(expiresAt);
      return;
    }
    // A shorter ttl than an earlier hit's (not with fixed per-route limits): keep the order.
    let lo = this.head;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid] <= expiresAt) lo = mid + 1;
      else hi = mid;
    }
    times.splice(lo, 0, expiresAt);
  }

  clear(): void {
    this.times = [];
    this.head = 0;
  }

  hasLive(now: number): boolean {
    return this.count > 0 && this.times[this.times.length - 1] > now;
  }
}

interface KeyRecord {
  expiresAt: number;
  blockExpiresAt: number;
  isBlocked: boolean;
  hits: Map<string, HitQueue>;
}

/**
 * In-memory throttler storage with the semantics of `@nestjs/throttler`'s own
 * `ThrottlerStorageService` (a sliding window of hits per key, then a block), without its cost:
 * that one filters every live hit of the key into a new array and spreads them into `Math.min` on
 * each request, so its work grows with the traffic of the last minute (tens of thousands of hits
 * under load). Hits expire in the order they were made, so a queue pruned from its head does it
 * in constant time.
 */
export class QueueThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly records = new Map<string, KeyRecord>();
  private sweep?: NodeJS.Timeout;

  constructor(private readonly sweepIntervalMs = 60_000) {}

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    return Promise.resolve(this.hit(key, ttl, limit, blockDuration, throttlerName));
  }

  /** The synchronous core of `increment`. */
  hit(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    this.sweep ??= startSweep(this);
    const now = Date.now();
    let record = this.records.get(key);
    if (!record) {
      record = { expiresAt: now + ttl, blockExpiresAt: 0, isBlocked: false, hits: new Map() };
      this.records.set(key, record);
    }
    let hits = record.hits.get(throttlerName);
    if (!hits) record.hits.set(throttlerName, (hits = new HitQueue()));
    hits.prune(now);
    let timeToExpire = Math.ceil((record.expiresAt - now) / 1000);
    if (timeToExpire <= 0) {
      record.expiresAt = now + ttl;
      timeToExpire = Math.ceil(ttl / 1000);
    }
    if (blockDuration <= 0) {
      const isBlocked = hits.count >= limit;
      if (!isBlocked) hits.push(now + ttl);
      const timeToBlockExpire = hits.count ? Math.ceil((hits.earliest - now) / 1000) : timeToExpire;
      return {
        totalHits: hits.count + (isBlocked ? 1 : 0),
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? timeToBlockExpire : 0,
      };
    }
    if (!record.isBlocked) hits.push(now + ttl);
    if (hits.count > limit && !record.isBlocked) {
      record.isBlocked = true;
      record.blockExpiresAt = now + blockDuration;
    }
    let timeToBlockExpire = Math.ceil((record.blockExpiresAt - now) / 1000);
    if (timeToBlockExpire <= 0 && record.isBlocked) {
      record.isBlocked = false;
      hits.clear();
      hits.push(now + ttl);
      timeToBlockExpire = Math.ceil((record.blockExpiresAt - now) / 1000);
    }
    return { totalHits: hits.count, timeToExpire, isBlocked: record.isBlocked, timeToBlockExpire };
  }

  /** Forgets keys with no live hit, block or window (run every `sweepIntervalMs`). */
  evictIdle(now = Date.now()): void {
    for (const [key, record] of this.records) {
      if (record.isBlocked && record.blockExpiresAt > now) continue;
      if (record.expiresAt > now) continue;
      if ([...record.hits.values()].some((hits) => hits.hasLive(now))) continue;
      this.records.delete(key);
    }
  }

  onApplicationShutdown(): void {
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = undefined;
    this.records.clear();
  }
}

function startSweep(storage: QueueThrottlerStorage): NodeJS.Timeout {
  const timer = setInterval(() => storage.evictIdle(), storage['sweepIntervalMs']);
  timer.unref();
  return timer;
}

/**
 * The throttler's key: route and tracker (the client address) in plain text. The default
 * hashes the same string with SHA-256 on every request, which buys nothing in memory.
 */
export function throttlerKey(context: ExecutionContext, tracker: string, throttlerName: string): string {
  return `${context.getClass().name}-${context.getHandler().name}-${throttlerName}-${tracker}`;
}

/** Options for `ThrottlerModule`: one global limit per client address and minute. */
export function throttlerOptions(limitPerMinute: number): ThrottlerModuleOptions {
  return {
    throttlers: [{ ttl: 60_000, limit: limitPerMinute }],
    storage: new QueueThrottlerStorage(),
    generateKey: throttlerKey,
  };
}
