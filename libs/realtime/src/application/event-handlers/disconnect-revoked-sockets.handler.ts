import { DomainEventHandler, OnDomainEvent } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { Revocation, revocationOf, REVOCATIONS } from '../mappings/revocation-notices';
import { RealtimePublisher } from '../ports/realtime-publisher';

/**
 * A committed deactivation, deletion or role/centre change of a staff user, or the end of a
 * session (sign-out, reused refresh token) -> the sockets concerned get `auth:revoked` and are
 * disconnected, instead of hearing their rooms until the access token runs out.
 */
@Injectable()
@OnDomainEvent(...REVOCATIONS)
export class DisconnectRevokedSockets implements DomainEventHandler<Revocation> {
  constructor(private readonly publisher: RealtimePublisher) {}

  async handle(event: Revocation): Promise<void> {
    const { rooms, notice } = revocationOf(event);
    await this.publisher.disconnect(rooms, notice);
  }
}
