import { ClinicianCreated } from '@carebook/clinicians';
import { DomainEventHandler, OnDomainEvent } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { clinicianNewMessage } from '../mappings/clinician-messages';
import { RealtimePublisher } from '../ports/realtime-publisher';

/** A committed new clinician with a known city -> `clinician:new` to that city's patients. */
@Injectable()
@OnDomainEvent(ClinicianCreated)
export class PushClinicianNew implements DomainEventHandler<ClinicianCreated> {
  constructor(private readonly publisher: RealtimePublisher) {}

  async handle(event: ClinicianCreated): Promise<void> {
    const message = clinicianNewMessage(event);
    if (message) await this.publisher.publish(message);
  }
}
