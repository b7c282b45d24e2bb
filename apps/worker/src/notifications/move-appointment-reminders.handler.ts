import { AppointmentRescheduled } from '@carebook/booking';
import { DomainEventHandler, OnDomainEvent } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { AppointmentMessageScheduler } from './appointment-message.scheduler';

/**
 * A moved appointment loses the reminders of its old time; a CONFIRMED one gets a confirmation
 * of the new time (its invite replaces the calendar entry) and reminders before it.
 */
@Injectable()
@OnDomainEvent(AppointmentRescheduled)
export class MoveAppointmentReminders implements DomainEventHandler<AppointmentRescheduled> {
  constructor(private readonly scheduler: AppointmentMessageScheduler) {}

  async handle(event: AppointmentRescheduled): Promise<void> {
    const { aggregateId: appointmentId, startsAt, eventId } = event;
    await this.scheduler.removeReminders(appointmentId, event.previousStartsAt);
    if (event.status !== 'CONFIRMED') return;
    await this.scheduler.confirm({ appointmentId, startsAt, eventId, rescheduleEventId: eventId });
    await this.scheduler.scheduleReminders(appointmentId, startsAt, eventId);
  }
}
