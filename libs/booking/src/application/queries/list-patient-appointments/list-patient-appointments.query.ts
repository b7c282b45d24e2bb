import type { Actor, Page } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { AppointmentDto } from '../../dto/appointment.dto';
import type { AppointmentFilter } from '../list-appointments/list-appointments.query';

/**
 * Staff view of one patient's appointments (`GET /patients/:id/appointments`): those at the
 * actor's centres (ADMIN and MANAGER: all). 404 for an unknown patient. Audited as
 * `patient.appointments.viewed`.
 */
export class ListPatientAppointments extends Query<Page<AppointmentDto>> {
  constructor(
    readonly actor: Actor,
    readonly patientId: string,
    readonly filter: Omit<AppointmentFilter, 'patientId' | 'mine'>,
  ) {
    super();
  }
}
