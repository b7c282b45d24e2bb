import type { Actor } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { AppointmentDto } from '../../dto/appointment.dto';

/** One appointment the actor may see (their own as a patient, their centres' as staff), else 404. */
export class GetAppointment extends Query<AppointmentDto> {
  constructor(
    readonly actor: Actor,
    readonly appointmentId: string,
  ) {
    super();
  }
}
