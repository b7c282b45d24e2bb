import { AppointmentBooked } from '@carebook/booking';
import { DomainEventHandler, OnDomainEvent } from '@carebook/core';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  BOOKING_QUEUE,
  EXPIRE_HOLD_JOB,
  EXPIRE_HOLD_JOB_OPTIONS,
  ExpireHoldJob,
  expireHoldJobId,
} from './booking.queue';

/**
 * A committed online booking (a hold) gets a delayed `expire-hold` job at its hold's end. The
 * appointment id as job id makes a re-delivered event one job.
 */
@Injectable()
@OnDomainEvent(AppointmentBooked)
export class ScheduleHoldExpiry implements DomainEventHandler<AppointmentBooked> {
  constructor(@InjectQueue(BOOKING_QUEUE) private readonly queue: Queue<ExpireHoldJob>) {}

  async handle(event: AppointmentBooked): Promise<void> {
    if (!event.holdExpiresAt) return;
    const appointmentId = event.aggregateId;
    await this.queue.add(
      EXPIRE_HOLD_JOB,
      { appointmentId, eventId: event.eventId },
      {
        ...EXPIRE_HOLD_JOB_OPTIONS,
        jobId: expireHoldJobId(appointmentId),
        delay: Math.max(0, Date.parse(event.holdExpiresAt) - Date.now()),
      },
    );
  }
}
