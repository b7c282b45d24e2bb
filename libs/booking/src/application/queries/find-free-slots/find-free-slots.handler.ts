import { NotFoundError, ValidationFailedError } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BookingPolicy } from '../../booking-policy';
import { ClinicianCalendar } from '../../clinician-calendar';
import { isLocalDate } from '../../dto/booking-validators';
import type { FreeSlotsDto } from '../../dto/slots.dto';
import { IsoUtcFormatter } from '../../iso-utc';
import { daysBetween } from '../../local-day';
import { FindFreeSlots } from './find-free-slots.query';

@QueryHandler(FindFreeSlots)
export class FindFreeSlotsHandler implements IQueryHandler<FindFreeSlots> {
  constructor(
    private readonly calendar: ClinicianCalendar,
    private readonly policy: BookingPolicy,
  ) {}

  async execute({ clinicianId, from, to, filter }: FindFreeSlots): Promise<FreeSlotsDto> {
    this.assertRange(from, to);
    const found = await this.calendar.freeSlots(clinicianId, from, to, filter);
    if (!found?.schedule.isActive) throw new NotFoundError('Clinician');
    const { schedule, slots } = found;
    const iso = new IsoUtcFormatter();
    return {
      clinicianId: schedule.clinicianId,
      items: slots.map((s) => ({
        startsAt: iso.format(s.startsAt),
        endsAt: iso.format(s.endsAt),
        centreId: s.centreId,
        sessionType: s.sessionType,
      })),
    };
  }

  private assertRange(from: string, to: string): void {
    const max = this.policy.maxSlotRangeDays;
    if (!isLocalDate(from))
      throw new ValidationFailedError([
        { field: 'from', message: 'from must be a date as YYYY-MM-DD' },
      ]);
    if (!isLocalDate(to))
      throw new ValidationFailedError([
        { field: 'to', message: 'to must be a date as YYYY-MM-DD' },
      ]);
    const days = daysBetween(from, to);
    if (days < 0)
      throw new ValidationFailedError([{ field: 'to', message: 'to must not be before from' }]);
    if (days > max)
      throw new ValidationFailedError([
        { field: 'to', message: `to must be at most ${max} days after from` },
      ]);
  }
}
