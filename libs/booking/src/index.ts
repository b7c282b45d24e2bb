/**
 * @carebook/booking: appointments, free slots, unpaid holds and the front desk board. Use its
 * commands and queries through the CQRS buses; react to its `booking.Appointment*` events.
 */
export * from './booking.module';
export { BookingPolicy } from './application/booking-policy';
export {
  AppointmentAccessPolicy,
  APPOINTMENT_READER_ROLES,
  DESK_ROLES,
} from './application/appointment-access-policy';
export type {
  AppointmentAccess,
  AppointmentAction,
  AppointmentSubject,
} from './application/appointment-access-policy';
export * from './application/dto/appointment.dto';
export * from './application/dto/booking-input.dto';
export * from './application/dto/query-input.dto';
export * from './application/dto/slots.dto';
export * from './application/dto/board.dto';
export type { BookingResult } from './application/commands/booking-result';
export * from './application/commands/book-appointment/book-appointment.command';
export * from './application/commands/book-at-front-desk/book-at-front-desk.command';
export * from './application/commands/reschedule-appointment/reschedule-appointment.command';
export * from './application/commands/update-appointment/update-appointment.command';
export * from './application/commands/cancel-appointment/cancel-appointment.command';
export * from './application/commands/change-appointment-status/change-appointment-status.command';
export * from './application/commands/confirm-payment/confirm-payment.command';
export * from './application/commands/expire-hold/expire-hold.command';
export * from './application/commands/expire-holds/expire-holds.command';
export * from './application/queries/find-free-slots/find-free-slots.query';
export * from './application/queries/get-appointment/get-appointment.query';
export * from './application/queries/list-appointments/list-appointments.query';
export * from './application/queries/list-patient-appointments/list-patient-appointments.query';
export * from './application/queries/get-front-desk-stats/get-front-desk-stats.query';
export * from './application/queries/get-front-desk-queue/get-front-desk-queue.query';
export * from './domain/events/appointment-events';
export * from './domain/appointment.errors';
export {
  APPOINTMENT_STATUSES,
  PAYMENT_STATUSES,
  BOOKING_SOURCES,
  SESSION_TYPES,
  CANCELLERS,
  TRANSITIONS,
} from './domain/appointment-status';
export type {
  AppointmentStatus,
  PaymentStatus,
  BookingSource,
  SessionType,
  CancelledBy,
} from './domain/appointment-status';
/** The pure slot engine (docs/scheduling.md), for callers that already hold the data. */
export { computeFreeSlots } from './domain/slots/free-slots';
export type { FreeSlot, FreeSlotsInput, SlotSchedule, TimeRange } from './domain/slots/slot.types';
