import { redisOptions } from '@carebook/core';
import Redis from 'ioredis';
import { realtimeChannelKey } from './realtime-channel';
import { RedisRealtimePublisher } from './redis-realtime.publisher';

/** Against the test Redis: what the worker's publisher puts on the channel the API adapters hear. */
describe('RedisRealtimePublisher (real Redis)', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // A database of its own name, so no API process of a parallel suite hears these.
  const database = {
    url: `postgres://127.0.0.1:5432/realtime_spec_${process.pid}_${Date.now()}`,
    poolSize: 1,
  };
  const key = realtimeChannelKey(database);
  let listener: Redis;
  let publisher: RedisRealtimePublisher;
  const heard: Array<{ channel: string; message: Buffer }> = [];

  beforeAll(async () => {
    listener = new Redis(redisOptions(redisUrl));
    listener.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) =>
      heard.push({ channel: channel.toString(), message }),
    );
    listener.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      heard.push({ channel: channel.toString(), message }),
    );
    await listener.psubscribe(`${key}#/notifications#*`);
    await listener.subscribe(`${key}-request#/notifications#`);
    publisher = new RedisRealtimePublisher({ url: redisUrl, queuePrefix: 'unused' }, database);
  });
  afterAll(async () => {
    await publisher.onApplicationShutdown();
    listener.disconnect();
  });
  beforeEach(() => heard.splice(0));

  const settle = () => new Promise((r) => setTimeout(r, 100));

  it('publishes one message for all the rooms, in the /notifications namespace', async () => {
    const payload = { eventId: 'e1', occurredAt: '2026-03-02T09:00:00.000Z', appointmentId: 'a1' };
    await publisher.publish({
      event: 'appointment:update',
      rooms: ['patient:p1', 'user:u1'],
      payload,
    });
    await settle();
    // One message on the namespace's broadcast channel (several rooms: no room suffix), which
    // the adapters' pattern covers; MessagePack keeps strings readable.
    expect(heard.map((h) => h.channel)).toEqual([`${key}#/notifications#`]);
    for (const text of ['appointment:update', 'e1', 'a1', 'patient:p1', 'user:u1']) {
      expect(heard[0].message.includes(Buffer.from(text))).toBe(true);
    }
  });

  it('never publishes to no rooms (that would reach every socket)', async () => {
    await publisher.publish({
      event: 'queue:update',
      rooms: [],
      payload: { eventId: 'e2', occurredAt: '' },
    });
    await publisher.disconnect([], { event: 'auth:revoked', payload: {} });
    await settle();
    expect(heard).toEqual([]);
  });

  it('sends the notice before the disconnect request', async () => {
    await publisher.disconnect(['user:u1'], {
      event: 'auth:revoked',
      payload: { reason: 'DEACTIVATED' },
    });
    await settle();
    expect(heard.map((h) => h.channel)).toEqual([
      `${key}#/notifications#user:u1#`,
      `${key}-request#/notifications#`,
    ]);
  });

  it('rejects when Redis cannot take the push, so the job retries', async () => {
    const dead = new RedisRealtimePublisher(
      { url: 'redis://127.0.0.1:1', queuePrefix: 'unused' },
      database,
    );
    try {
      await expect(
        dead.publish({
          event: 'appointment:new',
          rooms: ['user:u1'],
          payload: { eventId: 'e3', occurredAt: '' },
        }),
      ).rejects.toThrow();
    } finally {
      await dead.onApplicationShutdown();
    }
  });
});
