import { ValidationFailedError } from '@carebook/core';

/** True for IANA zone names such as `Asia/Kolkata` or `UTC` (not offsets like `+05:30`). */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || !/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The centre's IANA time zone: slots and "today" are computed in it. */
export class TimeZone {
  static readonly DEFAULT = 'Asia/Kolkata';

  private constructor(readonly name: string) {}

  static of(name: string): TimeZone {
    if (!isIanaTimeZone(name)) {
      throw new ValidationFailedError([{ field: 'timeZone', message: 'timeZone must be an IANA time zone such as Asia/Kolkata' }]);
    }
    return new TimeZone(name);
  }
}
