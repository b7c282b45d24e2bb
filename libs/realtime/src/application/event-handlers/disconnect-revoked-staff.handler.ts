import { DomainEventHandler, OnDomainEvent } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { revocationOf, STAFF_REVOCATIONS, StaffRevocation } from '../mappings/revocation-notices';
import { RealtimePublisher } from '../ports/realtime-publisher';

/**
 * A committed deactivation, deletion or role/centre change of a staff user -> their sockets get
 * `auth:revoked` and are disconnected, instead of hearing their old rooms until the token ends.
 */
@Injectable()
@OnDomainEvent(...STAFF_REVOCATIONS)
export class DisconnectRevokedStaff implements DomainEventHandler<StaffRevocation> {
  constructor(private readonly publisher: RealtimePublisher) {}

  async handle(event: StaffRevocation): Promise<void> {
    const { rooms, notice } = revocationOf(event);
    await this.publisher.disconnect(rooms, notice);
  }
}
