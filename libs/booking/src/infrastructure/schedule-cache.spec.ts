import { scheduleOf } from '../testing/booking-fakes';
import { ScheduleCache } from './schedule-cache';

describe('ScheduleCache', () => {
  const entry = (clinicianId: string, version = 1) => ({
    schedule: scheduleOf({ clinicianId }),
    version,
  });

  it('answers what it was given until the entry is ttl old, then forgets it', () => {
    const cache = new ScheduleCache(1_000, 10);
    cache.set('c1', entry('c1', 3), 0);
    expect(cache.get('c1', 999)?.version).toBe(3);
    expect(cache.get('c1', 1_000)).toBeUndefined();
    expect(cache.get('c1', 0)).toBeUndefined(); // gone, not just hidden
  });

  it('keeps at most `capacity` entries, dropping the oldest read first; a new read renews an entry', () => {
    const cache = new ScheduleCache(60_000, 2);
    cache.set('a', entry('a'), 0);
    cache.set('b', entry('b'), 1);
    cache.set('a', entry('a', 2), 2); // read again: now the newest
    cache.set('c', entry('c'), 3);
    expect(cache.get('b', 4)).toBeUndefined();
    expect(cache.get('a', 4)?.version).toBe(2);
    expect(cache.get('c', 4)?.version).toBe(1);
  });

  it('forgets an entry on demand (a schedule found changed)', () => {
    const cache = new ScheduleCache();
    cache.set('c1', entry('c1'), 0);
    cache.forget('c1');
    expect(cache.get('c1', 1)).toBeUndefined();
  });
});
