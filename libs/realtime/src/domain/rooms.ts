import { Actor, NETWORK_WIDE_ROLES, Role } from '@carebook/core';

/**
 * Socket.IO room names of the `/notifications` namespace. The server alone puts sockets in
 * rooms (from the verified actor), and events are addressed to rooms, never to sockets, so
 * any API process can deliver them through the Redis adapter.
 */
export const Rooms = {
  /** The sockets of one sign-in session (the access token's `sid`): closed when it ends. */
  session: (sessionId: string) => `session:${sessionId}`,
  /** One staff user (all their tabs and devices). */
  user: (userId: string) => `user:${userId}`,
  /** One patient. */
  patient: (patientId: string) => `patient:${patientId}`,
  /** Every staff user of a role, network-wide. */
  role: (role: Role) => `role:${role}`,
  /** Every staff member of a centre. */
  centre: (centreId: string) => `centre:${centreId}`,
  /** The staff of a centre with one role, e.g. `centre:<id>:FRONT_DESK`. */
  centreRole: (centreId: string, role: Role) => `centre:${centreId}:${role}`,
  /** ADMIN and MANAGER: they see every centre, so they have no centre rooms. */
  network: 'network',
  /** Patients who said they are in a city (`subscribe:city`); see `normalizeCity`. */
  city: (city: string) => `city:${normalizeCity(city)}`,
} as const;

/**
 * The rooms a socket of `actor` joins at connect (and again after `auth:refresh`, since role
 * and centres come from the database at that moment). City rooms are not here: a patient
 * chooses those.
 */
export function roomsFor(actor: Actor): string[] {
  if (actor.kind === 'patient') return [Rooms.patient(actor.id)];
  const rooms = [Rooms.user(actor.id), Rooms.role(actor.role)];
  if (NETWORK_WIDE_ROLES.includes(actor.role)) return [...rooms, Rooms.network];
  for (const centreId of new Set(actor.centreIds)) {
    rooms.push(Rooms.centre(centreId), Rooms.centreRole(centreId, actor.role));
  }
  return rooms;
}

/** The rooms that stand for "the staff of `centreId` with one of `roles`". */
export function centreAudience(centreId: string, roles: readonly Role[]): string[] {
  return roles.map((role) => Rooms.centreRole(centreId, role));
}

/** Longest city name accepted from a client. */
export const MAX_CITY_LENGTH = 100;

/**
 * A city name as a room key: Unicode-normalised, trimmed, inner spaces collapsed and lower
 * case, so "  New   Delhi" and "new delhi" meet in one room. Answers '' for no name.
 */
export function normalizeCity(city: string): string {
  return city.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
