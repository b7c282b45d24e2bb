import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { appointmentToDto } from '../../appointment-view';
import type { AppointmentDto } from '../../dto/appointment.dto';
import { AppointmentMover } from './appointment-mover';
import { RescheduleAppointment } from './reschedule-appointment.command';

@CommandHandler(RescheduleAppointment)
export class RescheduleAppointmentHandler implements ICommandHandler<RescheduleAppointment> {
  constructor(private readonly mover: AppointmentMover) {}

  async execute({
    actor,
    appointmentId,
    startsAt,
  }: RescheduleAppointment): Promise<AppointmentDto> {
    const moved = await this.mover.move(actor, appointmentId, startsAt);
    return appointmentToDto(moved.snapshot());
  }
}
