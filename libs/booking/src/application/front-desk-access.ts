import { Actor, NotFoundError, reachesCentre } from '@carebook/core';
import { APPOINTMENT_READER_ROLES } from './appointment-access-policy';
import type { CentreZones } from './ports/centre-zones';

/**
 * The time zone of a centre whose board `actor` may see: staff of that centre who read
 * appointments (ADMIN and MANAGER: any centre). Anything else, and an unknown centre, is 404.
 */
export async function boardZoneFor(
  zones: CentreZones,
  actor: Actor,
  centreId: string,
): Promise<string> {
  const allowed =
    actor.kind === 'staff' &&
    APPOINTMENT_READER_ROLES.includes(actor.role) &&
    reachesCentre(actor, centreId);
  const zone = allowed ? await zones.timeZoneOf(centreId) : undefined;
  if (!zone) throw new NotFoundError('Centre');
  return zone;
}
