import { AppointmentBooked, AppointmentStatusChanged } from '@carebook/booking';
import { DomainEventHandler, OnDomainEvent } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { AppointmentMessageScheduler } from './appointment-message.scheduler';

/**
 * An appointment that became CONFIRMED (booked at the front desk, or a hold confirmed by
 * payment or staff) gets its confirmation now and its reminders 24 h and 1 h before.
 */
@Injectable()
@OnDomainEvent(AppointmentBooked, AppointmentStatusChanged)
export class ScheduleAppointmentMessages implements DomainEventHandler<
  AppointmentBooked | AppointmentStatusChanged
> {
  constructor(private readonly scheduler: AppointmentMessageScheduler) {}

  async handle(event: AppointmentBooked | AppointmentStatusChanged): Promise<void> {
    if (event.status !== 'CONFIRMED') return;
    const { aggregateId: appointmentId, startsAt, eventId } = event;
    await this.scheduler.confirm({ appointmentId, startsAt, eventId });
    await this.scheduler.scheduleReminders(appointmentId, startsAt, eventId);
  }
}
