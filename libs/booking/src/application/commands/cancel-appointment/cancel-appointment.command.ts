import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { AppointmentDto } from '../../dto/appointment.dto';

/**
 * Cancels an appointment and frees its time. A patient cancels their own PENDING hold at any
 * time and a CONFIRMED appointment until 2 h before it starts (409
 * CANCELLATION_WINDOW_CLOSED after that). Staff (desk roles of the centre) cancel whenever
 * the transition is legal; doing so inside the patients' window is an override, recorded in
 * the audit log.
 */
export class CancelAppointment extends Command<AppointmentDto> {
  constructor(
    readonly actor: Actor,
    readonly appointmentId: string,
    readonly reason?: string,
  ) {
    super();
  }
}
