import { Clock } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import type { Appointment } from '../domain/appointment';
import type { SessionType } from '../domain/appointment-status';
import type { BusyRange } from '../domain/appointment.repository';
import { findSlotAt } from '../domain/slots/find-slot-at';
import { computeFreeSlots } from '../domain/slots/free-slots';
import { bookedDayKey } from '../domain/slots/slot-limits';
import type { FreeSlot } from '../domain/slots/slot.types';
import { CalendarRead, CalendarStore, CalendarWindow } from './ports/calendar-store';
import type { ClinicianSchedule } from './ports/clinician-schedules';

const DAY_MS = 24 * 3600_000;

/** Narrows which slots count: a session type and/or a centre. */
export interface SlotFilter {
  sessionType?: SessionType;
  centreId?: string;
}

/** A clinician's calendar read under their lock, judged by the slot engine. */
export interface LockedCalendar {
  /** Undefined when there is no such clinician; inactive ones are here (see `isActive`). */
  schedule: ClinicianSchedule | undefined;
  /**
   * The free slot starting exactly at the time given to `withLockAt`, or null. `anyNotice` drops
   * the minimum notice (the front desk books a walk-in for the next free slot).
   */
  slot(options?: SlotFilter & { anyNotice?: boolean }): FreeSlot | null;
}

/**
 * A clinician's schedule joined with their live appointments, judged by the slot engine. One
 * statement reads both (CalendarStore: the schedule, the busy ranges, which also give the per-day
 * counts of the daily cap); the engine does the rest in memory. Under `withLockAt` the answer
 * cannot go stale before the write.
 */
@Injectable()
export class ClinicianCalendar {
  constructor(
    private readonly store: CalendarStore,
    private readonly clock: Clock,
  ) {}

  /**
   * The clinician's schedule and free slots on local dates `from..to` (inclusive); undefined
   * when there is no such clinician. An inactive clinician answers with no slots computed.
   */
  async freeSlots(
    clinicianId: string,
    from: string,
    to: string,
    filter: SlotFilter = {},
  ): Promise<{ schedule: ClinicianSchedule; slots: FreeSlot[] } | undefined> {
    // A local date lies within a day either side of its UTC date; buffers add at most hours.
    const { schedule, busy } = await this.store.read(clinicianId, {
      from: new Date(Date.parse(`${from}T00:00:00Z`) - 2 * DAY_MS),
      to: new Date(Date.parse(`${to}T00:00:00Z`) + 3 * DAY_MS),
    });
    if (!schedule) return undefined;
    if (!schedule.isActive) return { schedule, slots: [] };
    return {
      schedule,
      slots: computeFreeSlots({ ...this.query(schedule, busy, filter), from, to }),
    };
  }

  /**
   * Runs `work` in one transaction holding the clinician's lock, with their calendar around
   * `startsAt` read after the lock (expired holds cancelled): `slot()` answers the free slot
   * starting exactly there. `exceptId` leaves out the appointment being moved.
   */
  withLockAt<T>(
    clinicianId: string,
    startsAt: Date,
    exceptId: string | undefined,
    work: (calendar: LockedCalendar) => Promise<T>,
  ): Promise<T> {
    return this.store.withLock(clinicianId, windowAt(startsAt, exceptId), (calendar) =>
      work(this.judge(calendar, startsAt)),
    );
  }

  /**
   * Adds the new appointment `decide` makes of the calendar around `startsAt` (it throws to
   * refuse) with the guarantees of `withLockAt` + `AppointmentRepository.add`; the store may
   * judge first without the lock and write in one statement, and judge again under the lock
   * when what it judged may be stale (CalendarStore.book). `decide` may run twice.
   */
  bookAt(
    clinicianId: string,
    startsAt: Date,
    decide: (calendar: LockedCalendar) => Appointment,
  ): Promise<Appointment> {
    return this.store.book(clinicianId, windowAt(startsAt), (calendar) =>
      decide(this.judge(calendar, startsAt)),
    );
  }

  private judge({ schedule, busy }: CalendarRead, startsAt: Date): LockedCalendar {
    const t = startsAt.getTime();
    return {
      schedule,
      slot: (options = {}) => {
        if (!schedule) return null;
        const effective = options.anyNotice ? { ...schedule, minNoticeMinutes: 0 } : schedule;
        return findSlotAt(this.query(effective, busy, options), t);
      },
    };
  }

  private query(schedule: ClinicianSchedule, busy: BusyRange[], filter: SlotFilter) {
    return {
      schedule,
      busy,
      bookedPerLocalDay: schedule.dailyCap === null ? undefined : bookedPerLocalDay(schedule, busy),
      now: this.clock.now().getTime(),
      sessionType: filter.sessionType,
      centreId: filter.centreId,
    };
  }
}

/** The busy time a check of one start needs: a local date lies within a day of its UTC date. */
function windowAt(startsAt: Date, exceptId?: string): CalendarWindow {
  const t = startsAt.getTime();
  return { from: new Date(t - 2 * DAY_MS), to: new Date(t + 2 * DAY_MS), exceptId };
}

/** Live bookings per `${centreId}|local date`, each dated in its own centre's zone. */
function bookedPerLocalDay(schedule: ClinicianSchedule, busy: BusyRange[]): Map<string, number> {
  const zones = new Map(schedule.centres.map((c) => [c.centreId, c.timeZone]));
  const fallback = schedule.centres[0]?.timeZone ?? 'UTC';
  const counts = new Map<string, number>();
  for (const b of busy) {
    // Reads give start and centre whenever the schedule has a daily cap.
    const centreId = b.centreId ?? '';
    const key = bookedDayKey(centreId, b.startsAt ?? b.start, zones.get(centreId) ?? fallback);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
