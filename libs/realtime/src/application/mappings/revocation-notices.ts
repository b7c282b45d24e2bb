import { StaffUserDeactivated, StaffUserDeleted, StaffUserRoleChanged } from '@carebook/identity';
import { Rooms } from '../../domain/rooms';
import { ConnectionEvents } from '../../domain/socket-events';
import type { DisconnectNotice } from '../ports/realtime-publisher';

/** Staff changes after which a user's open sockets must go (their rooms or rights are stale). */
export type StaffRevocation = StaffUserDeactivated | StaffUserDeleted | StaffUserRoleChanged;
export const STAFF_REVOCATIONS = [
  StaffUserDeactivated,
  StaffUserDeleted,
  StaffUserRoleChanged,
] as const;

/**
 * Whom to disconnect and what to tell them first (`auth:revoked`). After a role or centre
 * change the client may reconnect with its token: rooms are chosen again from the database.
 */
export function revocationOf(event: StaffRevocation): {
  rooms: string[];
  notice: DisconnectNotice;
} {
  const reason =
    event instanceof StaffUserRoleChanged
      ? 'ROLE_CHANGED'
      : event instanceof StaffUserDeleted
        ? 'DELETED'
        : 'DEACTIVATED';
  return {
    rooms: [Rooms.user(event.aggregateId)],
    notice: {
      event: ConnectionEvents.revoked,
      payload: { eventId: event.eventId, occurredAt: event.occurredAt, reason },
    },
  };
}
