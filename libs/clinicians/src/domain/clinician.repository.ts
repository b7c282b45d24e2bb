import { Clinician } from './clinician';
import { TimeOff } from './time-off';

/** Port: loads and saves the Clinician aggregate (with centres, rules, time off and events). */
export abstract class ClinicianRepository {
  /**
   * The clinician, or undefined when unknown or deleted. With `lock`, inside a transaction the
   * row stays locked until it ends, so concurrent changes of one clinician queue up.
   */
  abstract findById(id: string, options?: { lock?: boolean }): Promise<Clinician | undefined>;
  /** The non-deleted clinician of a CLINICIAN staff user, or undefined. */
  abstract findByUserId(
    userId: string,
    options?: { lock?: boolean },
  ): Promise<Clinician | undefined>;
  /** One stretch of time off of this clinician, or undefined. */
  abstract findTimeOff(clinicianId: string, timeOffId: string): Promise<TimeOff | undefined>;
  /** The clinician's time off that ends after `after`, soonest first. */
  abstract findUpcomingTimeOff(clinicianId: string, after: Date): Promise<TimeOff[]>;
  /** Saves the row, its centres, pending rule and time-off writes and its events atomically. */
  abstract save(clinician: Clinician): Promise<void>;
}
