import { AuditLog, Clock, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AppointmentRepository } from '../../../domain/appointment.repository';
import { appointmentToDto } from '../../appointment-view';
import { BookingPolicy } from '../../booking-policy';
import type { AppointmentDto } from '../../dto/appointment.dto';
import { loadAppointmentFor } from '../../load-appointment';
import { CancelAppointment } from './cancel-appointment.command';

@CommandHandler(CancelAppointment)
export class CancelAppointmentHandler implements ICommandHandler<CancelAppointment> {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly policy: BookingPolicy,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ actor, appointmentId, reason }: CancelAppointment): Promise<AppointmentDto> {
    return this.uow.run(async () => {
      const appointment = await loadAppointmentFor(
        this.appointments,
        actor,
        appointmentId,
        'cancel',
        {
          forUpdate: true,
        },
      );
      const now = this.clock.now();
      const cutoff = this.policy.patientCutoffMinutes;
      if (actor.kind === 'patient') {
        appointment.cancelByPatient(now, cutoff, reason);
      } else {
        const startsAt = appointment.snapshot().startsAt;
        const { overrodeWindow } = appointment.cancelByStaff(now, actor.id, cutoff, reason);
        if (overrodeWindow) {
          await this.audit.record({
            action: 'appointment.cancellation.window_overridden',
            actor,
            targetType: 'appointment',
            targetId: appointment.id,
            patientId: appointment.patientId,
            metadata: {
              startsAt: startsAt.toISOString(),
              minutesBeforeStart: Math.round((startsAt.getTime() - now.getTime()) / 60_000),
              cutoffMinutes: cutoff,
            },
          });
        }
      }
      await this.appointments.save(appointment);
      return appointmentToDto(appointment.snapshot());
    });
  }
}
