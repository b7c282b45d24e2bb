import type { Appointment } from './appointment';

/**
 * A live appointment's blocked range (ms epoch), as the slot engine takes busy time. `startsAt`
 * and `centreId` are there when the clinician has a daily cap (bookings are counted per local day
 * of their centre); reads may leave them out otherwise.
 */
export interface BusyRange {
  start: number;
  end: number;
  startsAt?: number;
  centreId?: string;
}

/**
 * Port: loads and saves the Appointment aggregate with its events. Every write that puts an
 * appointment on the clinician's calendar (insert, move) runs under the clinician's lock after
 * cancelling that clinician's expired holds; the exclusion constraint stays the guarantee and a
 * clash is SLOT_UNAVAILABLE.
 */
export abstract class AppointmentRepository {
  abstract findById(id: string): Promise<Appointment | undefined>;
  /** Loads and row-locks the appointment for the rest of the current transaction. */
  abstract findByIdForUpdate(id: string): Promise<Appointment | undefined>;
  abstract findByIdempotencyKey(creatorId: string, key: string): Promise<Appointment | undefined>;
  /** Inserts a new appointment (SLOT_UNAVAILABLE on a clash, IDEMPOTENCY conflict -> replay). */
  abstract add(appointment: Appointment): Promise<void>;
  /** Stores changes; a changed time takes the clinician's lock like `add`. */
  abstract save(appointment: Appointment): Promise<void>;
  /** Cancels up to `limit` expired holds of any clinician (the sweep); answers how many. */
  abstract expireHolds(limit: number): Promise<number>;
}
