import type { SessionType } from '../../../domain/session-type';

/**
 * What booking needs to cut a clinician's time into free slots (docs/scheduling.md). Rules are
 * wall-clock `HH:mm` local to their centre's `timeZone`; time off is absolute (ISO UTC).
 */
export interface ClinicianSchedule {
  clinicianId: string;
  /** The CLINICIAN staff user. */
  userId: string;
  isActive: boolean;
  /** Minor units. */
  fee: { amount: number; currency: string };
  /** = consultation duration. */
  slotMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  /** Most bookings per local day; null = no cap. */
  dailyCap: number | null;
  /** Where they practise (active centres only). */
  centres: Array<{ centreId: string; timeZone: string }>;
  /** By day, then start; `endTime` may be "24:00". Only rules at active centres. */
  rules: Array<{
    dayOfWeek: number;
    startTime: string;
    endTime: string;
    centreId: string;
    sessionType: SessionType;
    timeZone: string;
  }>;
  /** `[startsAt, endsAt)`, soonest first; only time off that ends after a day ago. */
  timeOff: Array<{ startsAt: string; endsAt: string }>;
}
