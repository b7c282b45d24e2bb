import { offsetOf, Page, pageOf } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  APPOINTMENT_COLUMNS,
  AppointmentRow,
  rowToAppointment,
} from '../../../infrastructure/appointment-row';
import { AppointmentAccessPolicy } from '../../appointment-access-policy';
import { appointmentToDto } from '../../appointment-view';
import type { AppointmentDto } from '../../dto/appointment.dto';
import { boundOf } from '../../local-day';
import { CentreZones } from '../../ports/centre-zones';
import { ListAppointments } from './list-appointments.query';

@QueryHandler(ListAppointments)
export class ListAppointmentsHandler implements IQueryHandler<ListAppointments> {
  constructor(
    private readonly db: DataSource,
    private readonly zones: CentreZones,
  ) {}

  async execute({ actor, filter }: ListAppointments): Promise<Page<AppointmentDto>> {
    const own = actor.kind === 'patient';
    const visible = AppointmentAccessPolicy.visibleCentres(actor);
    const zone = (filter.centreId && (await this.zones.timeZoneOf(filter.centreId))) || 'UTC';
    const rows: Array<AppointmentRow & { total: string }> = await this.db.query(
      `SELECT ${APPOINTMENT_COLUMNS.join(', ')}, count(*) OVER () AS total
         FROM appointments
        WHERE ($1::boolean OR $2::boolean OR centre_id = ANY($3::uuid[]))
          AND ($4::uuid IS NULL OR patient_id = $4::uuid)
          AND ($5::uuid IS NULL OR centre_id = $5::uuid)
          AND ($6::uuid IS NULL OR clinician_id = $6::uuid)
          AND ($7::uuid IS NULL OR clinician_user_id = $7::uuid)
          AND ($8::text IS NULL OR status = $8::text)
          AND ($9::timestamptz IS NULL OR starts_at >= $9::timestamptz)
          AND ($10::timestamptz IS NULL OR starts_at < $10::timestamptz)
        ORDER BY starts_at, id
        LIMIT $11 OFFSET $12`,
      [
        own,
        visible === 'ALL',
        visible === 'ALL' ? [] : visible,
        own ? actor.id : (filter.patientId ?? null),
        own ? null : (filter.centreId ?? null),
        own ? null : (filter.clinicianId ?? null),
        !own && filter.mine ? actor.id : null,
        filter.status ?? null,
        boundOf(filter.from, 'from', zone) ?? null,
        boundOf(filter.to, 'to', zone) ?? null,
        filter.limit,
        offsetOf(filter),
      ],
    );
    const items = rows.map((row) => appointmentToDto(rowToAppointment(row).snapshot()));
    return pageOf(items, Number(rows[0]?.total ?? 0), filter);
  }
}
