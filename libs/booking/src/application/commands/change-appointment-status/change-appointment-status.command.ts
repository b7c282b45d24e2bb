import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { AppointmentStatus } from '../../../domain/appointment-status';
import type { AppointmentDto } from '../../dto/appointment.dto';

/**
 * `PATCH /appointments/:id/status`: moves the appointment along a legal transition, else 409
 * ILLEGAL_TRANSITION. CONFIRMED confirms payment (PAID), CHECKED_IN records the check-in time
 * (the queue order), NO_SHOW only after the start, CANCELLED cancels as staff (CancelAppointment).
 */
export class ChangeAppointmentStatus extends Command<AppointmentDto> {
  constructor(
    readonly actor: Actor,
    readonly appointmentId: string,
    readonly status: AppointmentStatus,
  ) {
    super();
  }
}
