import { Clock, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { HoldNotExpiredError } from '../../../domain/appointment.errors';
import { AppointmentRepository } from '../../../domain/appointment.repository';
import { ExpireHold, ExpireHoldOutcome } from './expire-hold.command';

@CommandHandler(ExpireHold)
export class ExpireHoldHandler implements ICommandHandler<ExpireHold> {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ appointmentId }: ExpireHold): Promise<ExpireHoldOutcome> {
    return this.uow.run(async () => {
      const appointment = await this.appointments.findByIdForUpdate(appointmentId);
      if (!appointment) return 'MISSING';
      if (appointment.status !== 'PENDING') return 'NOT_PENDING';
      if (!appointment.expireHold(this.clock.now())) throw new HoldNotExpiredError();
      await this.appointments.save(appointment);
      return 'EXPIRED';
    });
  }
}
