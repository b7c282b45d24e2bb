import { BookingModule } from '@carebook/booking';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { BOOKING_QUEUE } from './booking.queue';
import { BookingProcessor } from './booking.processor';
import { HoldSweepScheduler } from './hold-sweep.scheduler';
import { ScheduleHoldExpiry } from './schedule-hold-expiry.handler';

const processors = [BookingProcessor];
const eventHandlers = [ScheduleHoldExpiry];

/** The worker's side of booking: committed hold -> delayed `expire-hold` job -> ExpireHold, plus the sweep. */
@Module({
  imports: [BookingModule, BullModule.registerQueue({ name: BOOKING_QUEUE })],
  providers: [...processors, ...eventHandlers, HoldSweepScheduler],
})
export class BookingWorkerModule {}
