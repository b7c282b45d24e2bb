import { ThrottlerStorageService } from '@nestjs/throttler';
import { QueueThrottlerStorage } from './throttler-storage';

/** Steps of [ms to advance, key, ttl, limit, blockDuration]: both storages see the same ones. */
type Step = [number, string, number, number, number];

async function replay(steps: Step[]) {
  const ours = new QueueThrottlerStorage();
  const theirs = new ThrottlerStorageService();
  const answers: Array<[unknown, unknown]> = [];
  let now = Date.parse('2026-11-22T10:00:00Z');
  const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
  try {
    for (const [advance, key, ttl, limit, block] of steps) {
      now += advance;
      answers.push([await ours.increment(key, ttl, limit, block, 'default'), await theirs.increment(key, ttl, limit, block, 'default')]);
    }
  } finally {
    clock.mockRestore();
    ours.onApplicationShutdown();
    theirs.onApplicationShutdown();
  }
  return answers;
}

describe('QueueThrottlerStorage', () => {
  it('answers exactly what @nestjs/throttler’s own storage answers: window, block, unblock', async () => {
    const steps: Step[] = [];
    // 3 per 10 s, blocked for 30 s when exceeded; bursts, pauses, another key, a block running out.
    for (let i = 0; i < 6; i++) steps.push([400, 'a', 10_000, 3, 30_000]);
    steps.push([5_000, 'b', 10_000, 3, 30_000]);
    for (let i = 0; i < 4; i++) steps.push([9_000, 'a', 10_000, 3, 30_000]);
    for (let i = 0; i < 5; i++) steps.push([2_500, 'a', 10_000, 3, 30_000]);
    // No block duration: over the limit answers blocked until the oldest hit expires.
    for (let i = 0; i < 8; i++) steps.push([1_100, 'c', 5_000, 4, 0]);
    const answers = await replay(steps);
    for (const [ours, theirs] of answers) expect(ours).toEqual(theirs);
    expect(answers.some(([ours]) => (ours as { isBlocked: boolean }).isBlocked)).toBe(true);
    expect(answers.some(([ours], i) => i > 0 && !(ours as { isBlocked: boolean }).isBlocked && (answers[i - 1][0] as { isBlocked: boolean }).isBlocked)).toBe(true);
  });

  it('keeps counting right when a shorter window follows a longer one on the same key', async () => {
    const answers = await replay([
      [0, 'k', 20_000, 5, 0],
      [100, 'k', 5_000, 5, 0],
      [100, 'k', 20_000, 5, 0],
      [5_000, 'k', 5_000, 5, 0],
      [100, 'k', 5_000, 2, 0],
      [15_000, 'k', 5_000, 2, 0],
    ]);
    for (const [ours, theirs] of answers) expect(ours).toEqual(theirs);
  });

  it('forgets idle keys when swept', async () => {
    const storage = new QueueThrottlerStorage();
    await storage.increment('x', 1_000, 10, 0, 'default');
    storage.evictIdle(Date.now() + 500);
    expect(storage['records'].size).toBe(1);
    storage.evictIdle(Date.now() + 2_000);
    expect(storage['records'].size).toBe(0);
    storage.onApplicationShutdown();
  });
});
