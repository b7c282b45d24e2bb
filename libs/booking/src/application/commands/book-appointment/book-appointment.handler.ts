import { Clock, ForbiddenError, NotFoundError } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Appointment } from '../../../domain/appointment';
import { IdempotencyKeyInUseError, SlotUnavailableError } from '../../../domain/appointment.errors';
import { AppointmentRepository } from '../../../domain/appointment.repository';
import { appointmentToDto } from '../../appointment-view';
import { BookingPolicy } from '../../booking-policy';
import { ClinicianCalendar } from '../../clinician-calendar';
import { replayOf, stampOf } from '../../idempotency';
import { PatientDirectory } from '../../ports/patient-directory';
import { slotTerms } from '../../slot-terms';
import type { BookingResult } from '../booking-result';
import { BookAppointment } from './book-appointment.command';

@CommandHandler(BookAppointment)
export class BookAppointmentHandler implements ICommandHandler<BookAppointment> {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly patients: PatientDirectory,
    private readonly calendar: ClinicianCalendar,
    private readonly policy: BookingPolicy,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, input, idempotencyKey }: BookAppointment): Promise<BookingResult> {
    if (actor.kind !== 'patient') throw new ForbiddenError('Online booking is for patients.');
    const stamp = stampOf(idempotencyKey, 'booking.create', input);
    const earlier = await replayOf(this.appointments, actor.id, stamp);
    if (earlier) return { appointment: appointmentToDto(earlier.snapshot()), replayed: true };

    const patient = await this.patients.find(actor.id);
    if (!patient) throw new NotFoundError('Patient');

    try {
      // The slot judged on the clinician's calendar, the row and its events written in one
      // statement under the clinician's lock (ClinicianCalendar.bookAt).
      const appointment = await this.calendar.bookAt(
        input.clinicianId,
        input.startsAt,
        ({ schedule, slot }) => {
          if (!schedule?.isActive) throw new NotFoundError('Clinician');
          const free = slot({ sessionType: input.sessionType, centreId: input.centreId });
          if (!free) throw new SlotUnavailableError();
          const now = this.clock.now();
          return Appointment.book(
            {
              ...slotTerms(schedule, free, patient),
              source: 'ONLINE',
              reason: input.reason,
              notes: input.notes,
              holdExpiresAt: new Date(now.getTime() + this.policy.holdMs),
              createdBy: { kind: 'patient', id: actor.id },
              idempotency: stamp,
            },
            now,
          );
        },
      );
      return { appointment: appointmentToDto(appointment.snapshot()), replayed: false };
    } catch (error) {
      // A twin request with the same key committed first: answer as its replay.
      const twin =
        error instanceof IdempotencyKeyInUseError &&
        (await replayOf(this.appointments, actor.id, stamp));
      if (twin) return { appointment: appointmentToDto(twin.snapshot()), replayed: true };
      throw error;
    }
  }
}
