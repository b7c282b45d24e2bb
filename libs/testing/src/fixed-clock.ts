import { Clock } from '@carebook/core';

/** A clock tests set and move by hand (expiries, DST changes). */
export class FixedClock extends Clock {
  constructor(private current: Date = new Date('2026-03-01T09:00:00Z')) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
