import type { AppointmentDto } from '../dto/appointment.dto';

/** A created appointment, or (`replayed`) the one an earlier request with the same Idempotency-Key created. */
export interface BookingResult {
  appointment: AppointmentDto;
  replayed: boolean;
}
