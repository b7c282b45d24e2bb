import { Clock, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AppointmentRepository } from '../../../domain/appointment.repository';
import { appointmentToDto } from '../../appointment-view';
import type { AppointmentDto } from '../../dto/appointment.dto';
import { loadAppointmentFor } from '../../load-appointment';
import { AppointmentMover } from '../reschedule-appointment/appointment-mover';
import { UpdateAppointment } from './update-appointment.command';

@CommandHandler(UpdateAppointment)
export class UpdateAppointmentHandler implements ICommandHandler<UpdateAppointment> {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly mover: AppointmentMover,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, appointmentId, changes }: UpdateAppointment): Promise<AppointmentDto> {
    const { startsAt, reason, notes } = changes;
    const revise = { reason, notes };
    if (startsAt) {
      const moved = await this.mover.move(actor, appointmentId, startsAt, (a) =>
        a.revise(revise, this.clock.now()),
      );
      return appointmentToDto(moved.snapshot());
    }
    return this.uow.run(async () => {
      const appointment = await loadAppointmentFor(
        this.appointments,
        actor,
        appointmentId,
        'edit',
        { forUpdate: true },
      );
      appointment.revise(revise, this.clock.now());
      await this.appointments.save(appointment);
      return appointmentToDto(appointment.snapshot());
    });
  }
}
