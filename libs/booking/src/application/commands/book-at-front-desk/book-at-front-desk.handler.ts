import { Clock, NotFoundError, UnitOfWork, ValidationFailedError } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Appointment } from '../../../domain/appointment';
import { IdempotencyKeyInUseError, SlotUnavailableError } from '../../../domain/appointment.errors';
import { AppointmentRepository } from '../../../domain/appointment.repository';
import { AppointmentAccessPolicy } from '../../appointment-access-policy';
import { appointmentToDto } from '../../appointment-view';
import { ClinicianCalendar } from '../../clinician-calendar';
import { replayOf, stampOf } from '../../idempotency';
import { PatientCard, PatientDirectory } from '../../ports/patient-directory';
import { slotTerms } from '../../slot-terms';
import type { BookingResult } from '../booking-result';
import { BookAtFrontDesk } from './book-at-front-desk.command';

@CommandHandler(BookAtFrontDesk)
export class BookAtFrontDeskHandler implements ICommandHandler<BookAtFrontDesk> {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly patients: PatientDirectory,
    private readonly calendar: ClinicianCalendar,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, input, idempotencyKey }: BookAtFrontDesk): Promise<BookingResult> {
    AppointmentAccessPolicy.enforce(AppointmentAccessPolicy.toBook(actor, input.centreId));
    if ((input.patientId === undefined) === (input.patient === undefined)) {
      const message = 'give patientId or patient (a new patient), not both';
      throw new ValidationFailedError([{ field: 'patientId', message }]);
    }
    const stamp = stampOf(idempotencyKey, 'booking.front-desk', input);
    const earlier = await replayOf(this.appointments, actor.id, stamp);
    if (earlier) return { appointment: appointmentToDto(earlier.snapshot()), replayed: true };

    try {
      const book = (patient: PatientCard) =>
        this.calendar.bookAt(input.clinicianId, input.startsAt, ({ schedule, slot }) => {
          if (!schedule?.isActive) throw new NotFoundError('Clinician');
          const free = slot({
            sessionType: input.sessionType,
            centreId: input.centreId,
            anyNotice: true,
          });
          if (!free) throw new SlotUnavailableError();
          return Appointment.book(
            {
              ...slotTerms(schedule, free, patient),
              source: input.source,
              reason: input.reason,
              notes: input.notes,
              holdExpiresAt: null,
              createdBy: { kind: 'staff', id: actor.id },
              idempotency: stamp,
            },
            this.clock.now(),
          );
        });
      // A new patient is registered in the booking's transaction (neither without the other);
      // an existing one is read first, and the booking needs no transaction of its own.
      const appointment = input.patient
        ? await this.uow.run(async () => book(await this.patients.register(actor, input.patient!)))
        : await book(await this.existingPatient(input.patientId!));
      return { appointment: appointmentToDto(appointment.snapshot()), replayed: false };
    } catch (error) {
      const twin =
        error instanceof IdempotencyKeyInUseError &&
        (await replayOf(this.appointments, actor.id, stamp));
      if (twin) return { appointment: appointmentToDto(twin.snapshot()), replayed: true };
      throw error;
    }
  }

  private async existingPatient(patientId: string): Promise<PatientCard> {
    const patient = await this.patients.find(patientId);
    if (!patient) throw new NotFoundError('Patient');
    return patient;
  }
}
