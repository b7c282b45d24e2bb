import { AppointmentBooked } from '@carebook/booking';
import { DomainEventHandler, OnDomainEvent } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { appointmentNewMessage } from '../mappings/appointment-messages';
import { ClinicianUsers } from '../ports/clinician-users';
import { RealtimePublisher } from '../ports/realtime-publisher';

/** A committed booking -> `appointment:new` to the clinician and the centre's front desk. */
@Injectable()
@OnDomainEvent(AppointmentBooked)
export class PushAppointmentNew implements DomainEventHandler<AppointmentBooked> {
  constructor(
    private readonly clinicians: ClinicianUsers,
    private readonly publisher: RealtimePublisher,
  ) {}

  async handle(event: AppointmentBooked): Promise<void> {
    const clinicianUserId = await this.clinicians.userIdOf(event.clinicianId);
    await this.publisher.publish(appointmentNewMessage(event, clinicianUserId));
  }
}
