import { Injectable } from '@nestjs/common';

/**
 * The booking rules that are numbers. A provider, so a test (or, later, configuration) can
 * shorten the hold without touching the rules that use it.
 */
@Injectable()
export class BookingPolicy {
  /** How long an unpaid online booking holds its slot before it expires to CANCELLED. */
  holdMs = 15 * 60_000;
  /** Patients cancel or move a confirmed appointment online until this long before its start. */
  patientCutoffMinutes = 120;
  /** The widest slot search: `to - from` in days. */
  maxSlotRangeDays = 31;
  /** Holds the periodic sweep cancels per transaction. */
  sweepBatchSize = 200;
}
