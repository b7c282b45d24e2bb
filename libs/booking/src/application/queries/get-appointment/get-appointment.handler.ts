import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AppointmentRepository } from '../../../domain/appointment.repository';
import { appointmentToDto } from '../../appointment-view';
import type { AppointmentDto } from '../../dto/appointment.dto';
import { loadAppointmentFor } from '../../load-appointment';
import { GetAppointment } from './get-appointment.query';

@QueryHandler(GetAppointment)
export class GetAppointmentHandler implements IQueryHandler<GetAppointment> {
  constructor(private readonly appointments: AppointmentRepository) {}

  async execute({ actor, appointmentId }: GetAppointment): Promise<AppointmentDto> {
    const appointment = await loadAppointmentFor(this.appointments, actor, appointmentId, 'view');
    return appointmentToDto(appointment.snapshot());
  }
}
