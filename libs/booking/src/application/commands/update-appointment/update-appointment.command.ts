import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { AppointmentDto } from '../../dto/appointment.dto';

/**
 * Staff edit an appointment (`PUT /appointments/:id`): `startsAt` moves it as
 * RescheduleAppointment does; `reason` and `notes` change the text. Omitted fields keep their
 * value; all in one transaction.
 */
export class UpdateAppointment extends Command<AppointmentDto> {
  constructor(
    readonly actor: Actor,
    readonly appointmentId: string,
    readonly changes: { startsAt?: Date; reason?: string; notes?: string },
  ) {
    super();
  }
}
