import { NETWORK_WIDE_ROLES, Role } from './roles';

/** Who is calling: a staff user (with role and centres) or a patient. Built from the access token. */
export type Actor =
  | { kind: 'staff'; id: string; role: Role; centreIds: string[] }
  | { kind: 'patient'; id: string };

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** The claims of a carebook access token. */
export interface AccessTokenClaims {
  sub: string;
  typ: 'staff' | 'patient';
  role?: Role;
  cid?: string[];
  /** The session (refresh-token family) the token belongs to. */
  sid?: string;
  jti: string;
  iat?: number;
  exp?: number;
}

export function actorFromClaims(claims: AccessTokenClaims): Actor {
  if (claims.typ === 'patient') return { kind: 'patient', id: claims.sub };
  return { kind: 'staff', id: claims.sub, role: claims.role as Role, centreIds: claims.cid ?? [] };
}

/** True when the actor may see data of `centreId` (network-wide roles see all centres). */
export function reachesCentre(actor: Actor, centreId: string): boolean {
  if (actor.kind !== 'staff') return false;
  return NETWORK_WIDE_ROLES.includes(actor.role) || actor.centreIds.includes(centreId);
}
