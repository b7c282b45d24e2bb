import type { Appointment } from '../../domain/appointment';
import type { BusyRange } from '../../domain/appointment.repository';
import type { ClinicianSchedule } from './clinician-schedules';

/** A clinician's schedule beside their live blocked ranges, read together. */
export interface CalendarRead {
  /** Undefined when there is no such clinician (unknown or deleted); inactive ones are here. */
  schedule: ClinicianSchedule | undefined;
  busy: BusyRange[];
}

/** Which blocked ranges a read takes: those touching `[from, to)`, without `exceptId`. */
export interface CalendarWindow {
  from: Date;
  to: Date;
  /** The appointment being moved, left out. */
  exceptId?: string;
}

/**
 * Port: a clinician's schedule (the clinicians context's `GetClinicianSchedule`, docs/scheduling.md)
 * and their busy time, in ONE round trip, so a slot listing or a booking does not pay one
 * query for the schedule and another for the appointments.
 */
export abstract class CalendarStore {
  /** A read outside any lock (slot listings). */
  abstract read(clinicianId: string, window: CalendarWindow): Promise<CalendarRead>;
  /**
   * Runs `work` in one transaction (the caller's, when there is one) holding the clinician's lock,
   * with the calendar read after the lock was granted and the clinician's expired holds cancelled,
   * so what `work` sees cannot change before it writes.
   */
  abstract withLock<T>(
    clinicianId: string,
    window: CalendarWindow,
    work: (calendar: CalendarRead) => Promise<T>,
  ): Promise<T>;
  /**
   * Adds the new appointment `decide` makes of the clinician's calendar (it throws to refuse),
   * with the guarantees of `withLock` + `AppointmentRepository.add`: what was booked since the
   * calendar was read refuses it (SLOT_UNAVAILABLE), expired holds never do. The store may read
   * without the lock and judge again under it when the write clashes.
   */
  abstract book(
    clinicianId: string,
    window: CalendarWindow,
    decide: (calendar: CalendarRead) => Appointment,
  ): Promise<Appointment>;
}
