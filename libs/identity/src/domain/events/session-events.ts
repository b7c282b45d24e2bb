import { DomainEvent, DomainEventName } from '@carebook/core';

/** Why a session ended before its time. */
export type SessionEndReason = 'SIGNED_OUT' | 'TOKEN_REUSED';

/**
 * A session (its refresh tokens, and the access tokens issued in it) was revoked: signed out,
 * or ended because one of its refresh tokens was presented twice. The aggregate id is the
 * session id (the access token's `sid`). Deactivation and deletion of a staff user end their
 * sessions too, but are told by their own events.
 */
@DomainEventName('identity.SessionEnded')
export class SessionEnded extends DomainEvent {
  constructor(
    sessionId: string,
    readonly reason: SessionEndReason,
    at: Date,
  ) {
    super(sessionId, at);
  }
}
