import { Actor, NETWORK_WIDE_ROLES } from '@carebook/core';

/** Inactive centres are visible only to network-wide staff (ADMIN, MANAGER), and only on request. */
export function seesInactiveCentres(actor: Actor | undefined, requested: boolean): boolean {
  return requested && actor?.kind === 'staff' && NETWORK_WIDE_ROLES.includes(actor.role);
}
