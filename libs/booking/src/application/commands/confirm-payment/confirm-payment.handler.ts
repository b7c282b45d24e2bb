import { Clock, NotFoundError, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AppointmentRepository } from '../../../domain/appointment.repository';
import { appointmentToDto } from '../../appointment-view';
import type { AppointmentDto } from '../../dto/appointment.dto';
import { ConfirmPayment } from './confirm-payment.command';

@CommandHandler(ConfirmPayment)
export class ConfirmPaymentHandler implements ICommandHandler<ConfirmPayment> {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ appointmentId }: ConfirmPayment): Promise<AppointmentDto> {
    return this.uow.run(async () => {
      const appointment = await this.appointments.findByIdForUpdate(appointmentId);
      if (!appointment) throw new NotFoundError('Appointment');
      appointment.confirmPayment(this.clock.now());
      await this.appointments.save(appointment);
      return appointmentToDto(appointment.snapshot());
    });
  }
}
