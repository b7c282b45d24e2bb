/** How a slot is held: at a centre, or by video. */
export type SessionType = 'IN_PERSON' | 'ONLINE';

/** A half-open range `[start, end)` in ms since the epoch. */
export interface TimeRange {
  start: number;
  end: number;
}

/** A weekly availability rule, in the wall-clock time of its centre's zone. */
export interface SlotRule {
  /** 0 = Sunday ... 6 = Saturday. */
  dayOfWeek: number;
  /** `HH:mm`, local. */
  startTime: string;
  /** `HH:mm` or `24:00`, local; a rule never crosses midnight (end <= start gives no slots). */
  endTime: string;
  centreId: string;
  sessionType: SessionType;
  /** IANA zone of the centre, e.g. `Asia/Kolkata`. */
  timeZone: string;
}

/**
 * The part of `ClinicianSchedule` (docs/scheduling.md) the engine reads; a full
 * `ClinicianSchedule` can be passed as is.
 */
export interface SlotSchedule {
  slotMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  /** Max bookings per clinician per local date (see `slot-limits.ts`), null = no cap. */
  dailyCap: number | null;
  rules: readonly SlotRule[];
  /** Absolute intervals, ISO-8601 strings (as the schedule query answers) or ms epoch. */
  timeOff: ReadonlyArray<{ startsAt: string | number; endsAt: string | number }>;
}

/** Everything needed to judge one slot; `computeFreeSlots` adds a date range. */
export interface SlotQuery {
  schedule: SlotSchedule;
  /** BLOCKED ranges (buffers included) of live appointments and holds, any order. */
  busy: readonly TimeRange[];
  /** Live bookings per `${centreId}|YYYY-MM-DD` (local date at that centre), for `dailyCap`. */
  bookedPerLocalDay?: ReadonlyMap<string, number>;
  /** ms epoch. */
  now: number;
  sessionType?: SessionType;
  centreId?: string;
}

/** Input of `computeFreeSlots`: `from`/`to` are inclusive local dates in each rule's zone. */
export interface FreeSlotsInput extends SlotQuery {
  /** `YYYY-MM-DD`. */
  from: string;
  /** `YYYY-MM-DD`, inclusive. */
  to: string;
}

/** A bookable slot; `endsAt - startsAt` is `slotMinutes`, buffers not included. */
export interface FreeSlot {
  startsAt: number;
  endsAt: number;
  centreId: string;
  sessionType: SessionType;
}
