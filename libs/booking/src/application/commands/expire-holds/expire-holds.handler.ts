import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AppointmentRepository } from '../../../domain/appointment.repository';
import { BookingPolicy } from '../../booking-policy';
import { ExpireHolds } from './expire-holds.command';

@CommandHandler(ExpireHolds)
export class ExpireHoldsHandler implements ICommandHandler<ExpireHolds> {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly policy: BookingPolicy,
  ) {}

  async execute(): Promise<number> {
    const batch = this.policy.sweepBatchSize;
    let total = 0;
    for (;;) {
      const expired = await this.appointments.expireHolds(batch);
      total += expired;
      if (expired < batch) return total;
    }
  }
}
