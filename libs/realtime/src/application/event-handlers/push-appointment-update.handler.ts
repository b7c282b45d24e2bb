import { DomainEventHandler, OnDomainEvent } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import {
  APPOINTMENT_CHANGES,
  AppointmentChange,
  appointmentUpdateMessage,
} from '../mappings/appointment-messages';
import { ClinicianUsers } from '../ports/clinician-users';
import { RealtimePublisher } from '../ports/realtime-publisher';

/**
 * A committed reschedule, status change or cancellation -> `appointment:update` to the
 * clinician, the patient and the centre's front desk.
 */
@Injectable()
@OnDomainEvent(...APPOINTMENT_CHANGES)
export class PushAppointmentUpdate implements DomainEventHandler<AppointmentChange> {
  constructor(
    private readonly clinicians: ClinicianUsers,
    private readonly publisher: RealtimePublisher,
  ) {}

  async handle(event: AppointmentChange): Promise<void> {
    const clinicianUserId = await this.clinicians.userIdOf(event.clinicianId);
    await this.publisher.publish(appointmentUpdateMessage(event, clinicianUserId));
  }
}
