import {
  SessionEnded,
  StaffUserDeactivated,
  StaffUserDeleted,
  StaffUserRoleChanged,
} from '@carebook/identity';
import { Rooms } from '../../domain/rooms';
import { ConnectionEvents } from '../../domain/socket-events';
import type { DisconnectNotice } from '../ports/realtime-publisher';

/**
 * Changes after which open sockets must go: a staff user's (their rooms or rights are stale) or
 * one session's, staff or patient (signed out, or ended for a reused refresh token).
 */
export type Revocation =
  StaffUserDeactivated | StaffUserDeleted | StaffUserRoleChanged | SessionEnded;
export const REVOCATIONS = [
  StaffUserDeactivated,
  StaffUserDeleted,
  StaffUserRoleChanged,
  SessionEnded,
] as const;

/**
 * Whom to disconnect and what to tell them first (`auth:revoked`). After a role or centre
 * change the client may reconnect with its token: rooms are chosen again from the database.
 */
export function revocationOf(event: Revocation): {
  rooms: string[];
  notice: DisconnectNotice;
} {
  const reason =
    event instanceof SessionEnded
      ? event.reason
      : event instanceof StaffUserRoleChanged
        ? 'ROLE_CHANGED'
        : event instanceof StaffUserDeleted
          ? 'DELETED'
          : 'DEACTIVATED';
  return {
    rooms: [
      event instanceof SessionEnded
        ? Rooms.session(event.aggregateId)
        : Rooms.user(event.aggregateId),
    ],
    notice: {
      event: ConnectionEvents.revoked,
      payload: { eventId: event.eventId, occurredAt: event.occurredAt, reason },
    },
  };
}
