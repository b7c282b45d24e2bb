import { Query } from '@nestjs/cqrs';
import type { SessionType } from '../../../domain/appointment-status';
import type { FreeSlotsDto } from '../../dto/slots.dto';

/**
 * A clinician's free slots on local dates `from..to` (inclusive, YYYY-MM-DD, at most 31 days
 * apart, else 400), in time order: the clinician's rules and time off (GetClinicianSchedule)
 * minus the blocked ranges of their live appointments and holds, with buffers, minimum notice,
 * horizon and daily cap (the slot engine). 404 for an unknown or inactive clinician.
 */
export class FindFreeSlots extends Query<FreeSlotsDto> {
  constructor(
    readonly clinicianId: string,
    readonly from: string,
    readonly to: string,
    readonly filter: { sessionType?: SessionType; centreId?: string } = {},
  ) {
    super();
  }
}
