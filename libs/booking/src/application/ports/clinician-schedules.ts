import type { SlotRule, SlotSchedule } from '../../domain/slots/slot.types';

/**
 * A clinician's bookable schedule, as the clinicians context answers `GetClinicianSchedule`
 * (docs/scheduling.md). Booking reads it, never the clinicians' tables.
 */
export interface ClinicianSchedule extends SlotSchedule {
  clinicianId: string;
  /** The CLINICIAN staff user. */
  userId: string;
  isActive: boolean;
  /** Minor units. */
  fee: { amount: number; currency: string };
  centres: ReadonlyArray<{ centreId: string; timeZone: string }>;
  rules: readonly SlotRule[];
}

/** Port: the schedule of one clinician, or undefined when there is no such clinician. */
export abstract class ClinicianSchedules {
  abstract get(clinicianId: string): Promise<ClinicianSchedule | undefined>;
}
