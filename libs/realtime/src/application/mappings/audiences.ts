import { DESK_ROLES } from '@carebook/booking';
import { NETWORK_WIDE_ROLES, Role } from '@carebook/core';
import { centreAudience, Rooms } from '../../domain/rooms';

/**
 * "The centre's front desk": the staff who run the desk at that centre, i.e. booking's desk
 * roles that belong to centres (FRONT_DESK, CENTRE_MANAGER). ADMIN and MANAGER watch the whole
 * network through the API, not a push per appointment.
 */
export const FRONT_DESK_ROLES: readonly Role[] = DESK_ROLES.filter(
  (role) => !NETWORK_WIDE_ROLES.includes(role),
);

/** "Care coordinators and managers of the centre", plus the network's managers. */
export const CARE_ALERT_ROLES: readonly Role[] = [Role.CARE_COORDINATOR, Role.CENTRE_MANAGER];

export function frontDeskOf(centreId: string): string[] {
  return centreAudience(centreId, FRONT_DESK_ROLES);
}

export function careAlertAudienceOf(centreId: string): string[] {
  return [...centreAudience(centreId, CARE_ALERT_ROLES), Rooms.role(Role.MANAGER)];
}

/** The rooms of an appointment's people: the clinician's user (when known) and the patient. */
export function partiesOf(parties: { patientId?: string; clinicianUserId?: string }): string[] {
  const rooms: string[] = [];
  if (parties.clinicianUserId) rooms.push(Rooms.user(parties.clinicianUserId));
  if (parties.patientId) rooms.push(Rooms.patient(parties.patientId));
  return rooms;
}
