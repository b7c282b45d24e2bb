import { Command } from '@nestjs/cqrs';
import type { AppointmentDto } from '../../dto/appointment.dto';

/**
 * Payment captured for an appointment (payments context, or staff through the status route):
 * PENDING -> CONFIRMED with payment PAID. Safe to repeat (a webhook delivered twice changes
 * nothing); 409 ILLEGAL_TRANSITION when the appointment is CANCELLED or already past
 * confirmation, so payments can refund. 404 for an unknown id.
 */
export class ConfirmPayment extends Command<AppointmentDto> {
  constructor(readonly appointmentId: string) {
    super();
  }
}
