/**
 * The time source of every handler and aggregate. Production uses the system clock; tests
 * swap in a `FixedClock` (libs/testing) to move through expiries and DST changes.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
