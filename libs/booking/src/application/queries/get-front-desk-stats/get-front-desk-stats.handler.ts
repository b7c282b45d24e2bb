import { Clock } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { AppointmentStatus } from '../../../domain/appointment-status';
import {
  SELECT_APPOINTMENT,
  AppointmentRow,
  rowToAppointment,
} from '../../../infrastructure/appointment-row';
import { appointmentToDto } from '../../appointment-view';
import type { FrontDeskCountsDto, FrontDeskStatsDto } from '../../dto/board.dto';
import { boardZoneFor } from '../../front-desk-access';
import { dayBounds, localDateAt } from '../../local-day';
import { CentreZones } from '../../ports/centre-zones';
import { PatientDirectory } from '../../ports/patient-directory';
import { GetFrontDeskStats } from './get-front-desk-stats.query';

const COUNTED_AS: Partial<Record<AppointmentStatus, keyof FrontDeskCountsDto>> = {
  PENDING: 'upcoming',
  CONFIRMED: 'upcoming',
  CHECKED_IN: 'waiting',
  IN_PROGRESS: 'inProgress',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
  NO_SHOW: 'noShow',
};

@QueryHandler(GetFrontDeskStats)
export class GetFrontDeskStatsHandler implements IQueryHandler<GetFrontDeskStats> {
  constructor(
    private readonly db: DataSource,
    private readonly zones: CentreZones,
    private readonly patients: PatientDirectory,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, centreId, date }: GetFrontDeskStats): Promise<FrontDeskStatsDto> {
    const timeZone = await boardZoneFor(this.zones, actor, centreId);
    const day = date ?? localDateAt(this.clock.now(), timeZone);
    const { start, end } = dayBounds(day, timeZone);
    const rows: AppointmentRow[] = await this.db.query(
      `${SELECT_APPOINTMENT} WHERE centre_id = $1 AND starts_at >= $2 AND starts_at < $3 ORDER BY starts_at, id`,
      [centreId, start, end],
    );
    const counts: FrontDeskCountsDto = {
      booked: 0,
      upcoming: 0,
      waiting: 0,
      inProgress: 0,
      completed: 0,
      cancelled: 0,
      noShow: 0,
    };
    for (const row of rows) {
      const key = COUNTED_AS[row.status as AppointmentStatus];
      if (key) counts[key] += 1;
      if (row.status !== 'CANCELLED') counts.booked += 1;
    }
    const names = await this.patients.namesOf(rows.map((r) => r.patient_id));
    const items = rows.map((row) => ({
      ...appointmentToDto(rowToAppointment(row).snapshot()),
      patientName: names.get(row.patient_id) ?? null,
    }));
    return { centreId, date: day, timeZone, counts, items };
  }
}
