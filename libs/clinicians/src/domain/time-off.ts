import { FieldError, newId, ValidationFailedError } from '@carebook/core';

/** The longest single stretch of time off; longer absences are deactivation, not time off. */
export const MAX_TIME_OFF_DAYS = 366;
const MAX_REASON = 500;

export interface TimeOffState {
  id: string;
  clinicianId: string;
  startsAt: Date;
  /** Exclusive: the clinician is back at `endsAt`. */
  endsAt: Date;
  reason: string;
  createdAt: Date;
}

/** An absolute interval `[startsAt, endsAt)` in which a clinician takes no appointments. */
export class TimeOff {
  private constructor(private readonly state: TimeOffState) {}

  /** A new interval; throws VALIDATION_FAILED naming `startsAt`, `endsAt` or `reason`. */
  static plan(
    clinicianId: string,
    startsAt: Date,
    endsAt: Date,
    reason: string,
    now: Date,
  ): TimeOff {
    const errors: FieldError[] = [];
    const clean = reason.trim();
    const [start, end] = [startsAt.getTime(), endsAt.getTime()];
    if (Number.isNaN(start))
      errors.push({ field: 'startsAt', message: 'startsAt must be a date-time' });
    if (Number.isNaN(end)) errors.push({ field: 'endsAt', message: 'endsAt must be a date-time' });
    else if (end <= start)
      errors.push({ field: 'endsAt', message: 'endsAt must be after startsAt' });
    else if (end - start > MAX_TIME_OFF_DAYS * 86_400_000)
      errors.push({ field: 'endsAt', message: `time off lasts at most ${MAX_TIME_OFF_DAYS} days` });
    if (clean.length < 1 || clean.length > MAX_REASON)
      errors.push({ field: 'reason', message: `reason must have 1 to ${MAX_REASON} characters` });
    if (errors.length) throw new ValidationFailedError(errors);
    return new TimeOff({
      id: newId(),
      clinicianId,
      startsAt,
      endsAt,
      reason: clean,
      createdAt: now,
    });
  }

  static restore(state: TimeOffState): TimeOff {
    return new TimeOff({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get clinicianId(): string {
    return this.state.clinicianId;
  }
  snapshot(): Readonly<TimeOffState> {
    return { ...this.state };
  }
}
