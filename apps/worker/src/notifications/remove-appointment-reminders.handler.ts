import { AppointmentCancelled } from '@carebook/booking';
import { DomainEventHandler, OnDomainEvent } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { AppointmentMessageScheduler } from './appointment-message.scheduler';

/** A cancelled appointment's reminders are removed (a confirmation still queued skips itself). */
@Injectable()
@OnDomainEvent(AppointmentCancelled)
export class RemoveAppointmentReminders implements DomainEventHandler<AppointmentCancelled> {
  constructor(private readonly scheduler: AppointmentMessageScheduler) {}

  async handle(event: AppointmentCancelled): Promise<void> {
    await this.scheduler.removeReminders(event.aggregateId, event.startsAt);
  }
}
