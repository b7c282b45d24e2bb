import {
  Actor,
  ForbiddenError,
  NETWORK_WIDE_ROLES,
  NotFoundError,
  Role,
  StaffActor,
} from '@carebook/core';

/** A clinician as access rules see them. */
export interface ClinicianSubject {
  /** The CLINICIAN staff user behind the profile. */
  userId: string;
  primaryCentreId: string;
  /** Every centre they practise at, the primary one included. */
  centreIds: readonly string[];
}

/** Where a clinician is to practise after a change. */
export interface ClinicianPlacementChange {
  primaryCentreId: string;
  centreIds: readonly string[];
}

/**
 * ALLOWED; NOT_FOUND when the clinician is outside the actor's reach (answered like an unknown
 * id, so ids cannot be probed); FORBIDDEN when the actor reaches the clinician but not this.
 */
export type ClinicianAccess = 'ALLOWED' | 'NOT_FOUND' | 'FORBIDDEN';

/**
 * Who may manage which clinicians: the one place these rules live. Routes admit roles with
 * @Roles; handlers ask this policy about the clinician at hand.
 *
 * - ADMIN and MANAGER manage every clinician.
 * - A CENTRE_MANAGER manages the clinicians who practise at one of their centres, and creates,
 *   adds, removes or makes primary only their own centres (a clinician of another centre is 404).
 * - A clinician edits their own schedule (weekly availability, time off) and nobody else's (404).
 * - A CENTRE_MANAGER changes weekly rules only at their own centres; time off, which covers
 *   every centre, they may plan for any clinician they manage.
 */
export const ClinicianAccessPolicy = {
  /** May `actor` create a clinician practising at these centres? */
  toCreate(actor: Actor, centreIds: readonly string[]): ClinicianAccess {
    if (!isManager(actor)) return 'FORBIDDEN';
    return withinOwnCentres(actor, centreIds) ? 'ALLOWED' : 'FORBIDDEN';
  },

  /**
   * May `actor` change, (de)activate or delete `target`? For a change of centres, `next` is
   * where the clinician would practise afterwards.
   */
  toManage(
    actor: Actor,
    target: ClinicianSubject,
    next?: ClinicianPlacementChange,
  ): ClinicianAccess {
    if (!manages(actor, target)) return 'NOT_FOUND';
    if (!next) return 'ALLOWED';
    const moved = symmetricDifference(target.centreIds, next.centreIds);
    if (next.primaryCentreId !== target.primaryCentreId)
      moved.push(target.primaryCentreId, next.primaryCentreId);
    return withinOwnCentres(actor, moved) ? 'ALLOWED' : 'FORBIDDEN';
  },

  /**
   * May `actor` edit `target`'s schedule? `changedRuleCentres` are the centres of the weekly
   * rules added or removed by the edit (none for time off).
   */
  toEditSchedule(
    actor: Actor,
    target: ClinicianSubject,
    changedRuleCentres: readonly string[] = [],
  ): ClinicianAccess {
    if (isSelf(actor, target)) return 'ALLOWED';
    if (!manages(actor, target)) return 'NOT_FOUND';
    return withinOwnCentres(actor, changedRuleCentres) ? 'ALLOWED' : 'FORBIDDEN';
  },

  /**
   * Whether `actor` sees what the public does not: an inactive clinician, reasons of time off.
   * True for the clinician themself and those who manage them.
   */
  seesPrivate(actor: Actor | undefined, target: ClinicianSubject): boolean {
    return actor !== undefined && (isSelf(actor, target) || manages(actor, target));
  },

  /** Throws the error an answer other than ALLOWED stands for. */
  enforce(access: ClinicianAccess): void {
    if (access === 'NOT_FOUND') throw new NotFoundError('Clinician');
    if (access === 'FORBIDDEN') throw new ForbiddenError('You may not manage this clinician here.');
  },
};

function isManager(actor: Actor): actor is StaffActor {
  return (
    actor.kind === 'staff' &&
    (NETWORK_WIDE_ROLES.includes(actor.role) || actor.role === Role.CENTRE_MANAGER)
  );
}

function isSelf(actor: Actor, target: ClinicianSubject): boolean {
  return actor.kind === 'staff' && actor.role === Role.CLINICIAN && actor.id === target.userId;
}

/** A manager who reaches the clinician (a type guard, so callers may then check centres). */
function manages(actor: Actor, target: ClinicianSubject): actor is StaffActor {
  if (!isManager(actor)) return false;
  if (NETWORK_WIDE_ROLES.includes(actor.role)) return true;
  const own = lower(actor.centreIds);
  return lower(target.centreIds).some((id) => own.includes(id));
}

function withinOwnCentres(actor: StaffActor, centreIds: readonly string[]): boolean {
  if (NETWORK_WIDE_ROLES.includes(actor.role)) return true;
  const own = lower(actor.centreIds);
  return lower(centreIds).every((id) => own.includes(id));
}

function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  const [x, y] = [lower(a), lower(b)];
  return [...x.filter((id) => !y.includes(id)), ...y.filter((id) => !x.includes(id))];
}

function lower(ids: readonly string[]): string[] {
  return ids.map((id) => id.toLowerCase());
}
