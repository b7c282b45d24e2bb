import { Clock, UnitOfWork } from '@carebook/core';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Appointment } from '../../../domain/appointment';
import type { AppointmentStatus } from '../../../domain/appointment-status';
import { IllegalTransitionError } from '../../../domain/appointment.errors';
import { AppointmentRepository } from '../../../domain/appointment.repository';
import { appointmentToDto } from '../../appointment-view';
import type { AppointmentDto } from '../../dto/appointment.dto';
import { loadAppointmentFor } from '../../load-appointment';
import { CancelAppointment } from '../cancel-appointment/cancel-appointment.command';
import { ChangeAppointmentStatus } from './change-appointment-status.command';

/** The intent behind each target status (CANCELLED goes through CancelAppointment). */
const INTENTS: Record<
  Exclude<AppointmentStatus, 'CANCELLED'>,
  (a: Appointment, now: Date) => void
> = {
  PENDING: (a) => {
    throw new IllegalTransitionError(a.status, 'PENDING');
  },
  CONFIRMED: (a, now) => a.confirmPayment(now),
  CHECKED_IN: (a, now) => a.checkIn(now),
  IN_PROGRESS: (a, now) => a.start(now),
  COMPLETED: (a, now) => a.complete(now),
  NO_SHOW: (a, now) => a.markNoShow(now),
};

@CommandHandler(ChangeAppointmentStatus)
export class ChangeAppointmentStatusHandler implements ICommandHandler<ChangeAppointmentStatus> {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly commands: CommandBus,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ actor, appointmentId, status }: ChangeAppointmentStatus): Promise<AppointmentDto> {
    if (status === 'CANCELLED')
      return this.commands.execute(new CancelAppointment(actor, appointmentId));
    return this.uow.run(async () => {
      const appointment = await loadAppointmentFor(
        this.appointments,
        actor,
        appointmentId,
        { status },
        { forUpdate: true },
      );
      INTENTS[status](appointment, this.clock.now());
      await this.appointments.save(appointment);
      return appointmentToDto(appointment.snapshot());
    });
  }
}
