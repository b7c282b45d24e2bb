import {
  Actor,
  ForbiddenError,
  NETWORK_WIDE_ROLES,
  NotFoundError,
  Role,
  StaffActor,
} from '@carebook/core';

/** A staff user as access rules see them. */
export interface StaffSubject {
  id: string;
  role: Role;
  centreIds: readonly string[];
}

/** The role and centres a staff user is to have (when created, or after an edit). */
export interface StaffPlacement {
  role: Role;
  centreIds: readonly string[];
}

/** What can be done to an existing staff user. */
export type StaffAction = 'view' | 'update' | 'toggle-active' | 'delete';

/**
 * The answer: ALLOWED; NOT_FOUND when the user is outside the actor's reach (answered like an
 * unknown id, so ids cannot be probed); FORBIDDEN when the actor sees the user (or may create
 * users) but not this.
 */
export type StaffAccess = 'ALLOWED' | 'NOT_FOUND' | 'FORBIDDEN';

const SITE_ROLES: readonly Role[] = [
  Role.CARE_COORDINATOR,
  Role.FRONT_DESK,
  Role.CLINICIAN,
  Role.CAREGIVER,
];

/** Whose users each role manages: ADMIN everyone, MANAGER everyone below, CENTRE_MANAGER site staff. */
const MANAGES: Partial<Record<Role, readonly Role[]>> = {
  [Role.ADMIN]: Object.values(Role),
  [Role.MANAGER]: [Role.CENTRE_MANAGER, ...SITE_ROLES],
  [Role.CENTRE_MANAGER]: SITE_ROLES,
};

/**
 * Who may see and manage which staff users: the one place these rules live. Routes admit
 * ADMIN, MANAGER and CENTRE_MANAGER with @Roles; handlers ask this policy about the objects.
 *
 * - ADMIN and MANAGER see every staff user; CENTRE_MANAGER (and any centre-scoped role) sees
 *   only users who share one of their centres.
 * - Only ADMIN creates, edits, deletes or toggles ADMIN and MANAGER users; MANAGER manages
 *   everyone else; CENTRE_MANAGER manages CARE_COORDINATOR, FRONT_DESK, CLINICIAN and CAREGIVER
 *   users, and only within their own centres.
 * - Nobody deactivates, deletes or changes the role of themselves.
 */
export const StaffAccessPolicy = {
  /** May `actor` create a user with this role and these centres? */
  toCreate(actor: Actor, placement: StaffPlacement): StaffAccess {
    if (actor.kind !== 'staff' || !manages(actor, placement.role)) return 'FORBIDDEN';
    return withinOwnCentres(actor, placement.centreIds) ? 'ALLOWED' : 'FORBIDDEN';
  },

  /**
   * May `actor` do `action` to `target`? For an update, `next` is the role and centres the
   * target would have afterwards.
   */
  toAct(
    actor: Actor,
    action: StaffAction,
    target: StaffSubject,
    next?: StaffPlacement,
  ): StaffAccess {
    if (!sees(actor, target)) return 'NOT_FOUND';
    if (action === 'view') return 'ALLOWED';
    if (actor.kind !== 'staff' || !manages(actor, target.role)) return 'FORBIDDEN';
    const self = target.id === actor.id;
    if (self && (action === 'toggle-active' || action === 'delete')) return 'FORBIDDEN';
    if (action !== 'update' || !next) return 'ALLOWED';
    if (self && next.role !== target.role) return 'FORBIDDEN';
    if (!manages(actor, next.role)) return 'FORBIDDEN';
    // A centre-scoped manager adds and removes only their own centres; the others stay as they are.
    const moved = symmetricDifference(target.centreIds, next.centreIds);
    return withinOwnCentres(actor, moved) ? 'ALLOWED' : 'FORBIDDEN';
  },

  /**
   * The centres whose users `actor` sees, for list queries: `'ALL'` for network-wide roles,
   * else their own centres (a user is visible when they share at least one).
   */
  visibleCentres(actor: Actor): 'ALL' | readonly string[] {
    if (actor.kind !== 'staff') return [];
    return NETWORK_WIDE_ROLES.includes(actor.role) ? 'ALL' : lower(actor.centreIds);
  },

  /** Throws the error an answer other than ALLOWED stands for. */
  enforce(access: StaffAccess): void {
    if (access === 'NOT_FOUND') throw new NotFoundError('Staff user');
    if (access === 'FORBIDDEN') throw new ForbiddenError('You may not manage this staff user.');
  },
};

function manages(actor: StaffActor, role: Role): boolean {
  return MANAGES[actor.role]?.includes(role) ?? false;
}

function sees(actor: Actor, target: StaffSubject): boolean {
  const visible = StaffAccessPolicy.visibleCentres(actor);
  if (visible === 'ALL') return true;
  return lower(target.centreIds).some((id) => visible.includes(id));
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
