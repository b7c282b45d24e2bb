import type { SlotRule, SlotSchedule } from '../../domain/slots/slot.types';

/**
 * A clinician's bookable schedule, as the clinicians context answers `GetClinicianSchedule`
 * (docs/scheduling.md). Booking reads it through the clinicians context's database function
 * `clinician_schedules_json` (see CalendarStore), never the clinicians' tables.
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
