import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { AppointmentDto } from '../../dto/appointment.dto';

/**
 * Moves a PENDING or CONFIRMED appointment to another free slot of the same clinician, centre
 * and session type, atomically: one transaction, so the old time is freed only if the new one
 * is taken (409 SLOT_UNAVAILABLE otherwise, nothing changed). A patient moves only their own
 * (another's is 404), a confirmed one only until 2 h before it starts (409 NOT_RESCHEDULABLE).
 */
export class RescheduleAppointment extends Command<AppointmentDto> {
  constructor(
    readonly actor: Actor,
    readonly appointmentId: string,
    readonly startsAt: Date,
  ) {
    super();
  }
}
