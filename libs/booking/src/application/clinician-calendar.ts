import { Clock } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import type { SessionType } from '../domain/appointment-status';
import { AppointmentRepository, BusyRange } from '../domain/appointment.repository';
import { findSlotAt } from '../domain/slots/find-slot-at';
import { computeFreeSlots } from '../domain/slots/free-slots';
import { bookedDayKey } from '../domain/slots/slot-limits';
import type { FreeSlot } from '../domain/slots/slot.types';
import type { ClinicianSchedule } from './ports/clinician-schedules';

const DAY_MS = 24 * 3600_000;

/** Narrows which slots count: a session type and/or a centre. */
export interface SlotFilter {
  sessionType?: SessionType;
  centreId?: string;
}

/**
 * A clinician's schedule joined with their live appointments, judged by the slot engine. One
 * query loads the busy ranges (which also give the per-day counts of the daily cap); the
 * engine does the rest in memory. Inside `withClinicianLock` the answer cannot go stale before
 * the write.
 */
@Injectable()
export class ClinicianCalendar {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly clock: Clock,
  ) {}

  /** Free slots on local dates `from..to` (inclusive). */
  async freeSlots(
    schedule: ClinicianSchedule,
    from: string,
    to: string,
    filter: SlotFilter = {},
  ): Promise<FreeSlot[]> {
    // A local date lies within a day either side of its UTC date; buffers add at most hours.
    const busy = await this.appointments.busyRanges(
      schedule.clinicianId,
      new Date(Date.parse(`${from}T00:00:00Z`) - 2 * DAY_MS),
      new Date(Date.parse(`${to}T00:00:00Z`) + 3 * DAY_MS),
    );
    return computeFreeSlots({ ...this.query(schedule, busy, filter), from, to });
  }

  /**
   * The free slot starting exactly at `startsAt`, or null. `exceptId` leaves out the
   * appointment being moved; `anyNotice` drops the minimum notice (the front desk books a
   * walk-in for the next free slot).
   */
  async slotAt(
    schedule: ClinicianSchedule,
    startsAt: Date,
    options: SlotFilter & { exceptId?: string; anyNotice?: boolean } = {},
  ): Promise<FreeSlot | null> {
    const t = startsAt.getTime();
    const busy = await this.appointments.busyRanges(
      schedule.clinicianId,
      new Date(t - 2 * DAY_MS),
      new Date(t + 2 * DAY_MS),
      options.exceptId,
    );
    const effective = options.anyNotice ? { ...schedule, minNoticeMinutes: 0 } : schedule;
    return findSlotAt(this.query(effective, busy, options), t);
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

/** Live bookings per `${centreId}|local date`, each dated in its own centre's zone. */
function bookedPerLocalDay(schedule: ClinicianSchedule, busy: BusyRange[]): Map<string, number> {
  const zones = new Map(schedule.centres.map((c) => [c.centreId, c.timeZone]));
  const fallback = schedule.centres[0]?.timeZone ?? 'UTC';
  const counts = new Map<string, number>();
  for (const b of busy) {
    const key = bookedDayKey(b.centreId, b.startsAt, zones.get(b.centreId) ?? fallback);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
