import {
  Actor,
  ForbiddenError,
  NETWORK_WIDE_ROLES,
  NotFoundError,
  reachesCentre,
  Role,
} from '@carebook/core';
import type { AppointmentStatus } from '../domain/appointment-status';

/** An appointment as access rules see it. */
export interface AppointmentSubject {
  patientId: string;
  centreId: string;
  clinicianUserId: string;
}

/** What can be done to an existing appointment. */
export type AppointmentAction =
  'view' | 'cancel' | 'reschedule' | 'edit' | { status: AppointmentStatus };

/** ALLOWED; NOT_FOUND outside the actor's reach (ids cannot be probed); FORBIDDEN otherwise. */
export type AppointmentAccess = 'ALLOWED' | 'NOT_FOUND' | 'FORBIDDEN';

/** Staff who book, move, cancel and run the day at a centre. */
export const DESK_ROLES: readonly Role[] = [
  Role.ADMIN,
  Role.MANAGER,
  Role.CENTRE_MANAGER,
  Role.FRONT_DESK,
];
/** Staff who may read appointments (of their centres): everyone but CAREGIVER. */
export const APPOINTMENT_READER_ROLES: readonly Role[] = [
  ...DESK_ROLES,
  Role.CARE_COORDINATOR,
  Role.CLINICIAN,
];
/** What a clinician may do to their own appointments: run the consultation. */
const CLINICIAN_STATUSES: readonly AppointmentStatus[] = [
  'CHECKED_IN',
  'IN_PROGRESS',
  'COMPLETED',
  'NO_SHOW',
];

/**
 * Who may see and change which appointments: the one place these rules live. Routes admit
 * roles with @Roles / @PatientOnly; handlers ask this policy about the appointment at hand.
 *
 * - A patient sees, cancels and moves only their own appointments; anyone else's is 404.
 * - Staff see the appointments of their centres (ADMIN and MANAGER: all); another centre's is
 *   404. CAREGIVER sees none (403 at the route).
 * - ADMIN, MANAGER, CENTRE_MANAGER and FRONT_DESK book (at their centres), move, cancel, edit
 *   and change the status of appointments they see.
 * - A CLINICIAN moves their own appointments through the consultation (CHECKED_IN,
 *   IN_PROGRESS, COMPLETED, NO_SHOW) and nothing else; CARE_COORDINATOR only reads.
 */
export const AppointmentAccessPolicy = {
  toAct(actor: Actor, action: AppointmentAction, target: AppointmentSubject): AppointmentAccess {
    if (actor.kind === 'patient') {
      if (!sameId(actor.id, target.patientId)) return 'NOT_FOUND';
      return action === 'view' || action === 'cancel' || action === 'reschedule'
        ? 'ALLOWED'
        : 'FORBIDDEN';
    }
    if (!APPOINTMENT_READER_ROLES.includes(actor.role) || !reachesCentre(actor, target.centreId))
      return 'NOT_FOUND';
    if (action === 'view' || DESK_ROLES.includes(actor.role)) return 'ALLOWED';
    const ownConsultation =
      actor.role === Role.CLINICIAN &&
      typeof action === 'object' &&
      sameId(actor.id, target.clinicianUserId);
    return ownConsultation && CLINICIAN_STATUSES.includes(action.status) ? 'ALLOWED' : 'FORBIDDEN';
  },

  /** May `actor` book for a patient at `centreId` (front desk, staff booking)? */
  toBook(actor: Actor, centreId: string): AppointmentAccess {
    if (actor.kind !== 'staff' || !DESK_ROLES.includes(actor.role)) return 'FORBIDDEN';
    return reachesCentre(actor, centreId) ? 'ALLOWED' : 'FORBIDDEN';
  },

  /**
   * The centres whose appointments `actor` lists: `'ALL'` for ADMIN/MANAGER, else their own
   * (none for patients and CAREGIVER: patients list by their own id instead).
   */
  visibleCentres(actor: Actor): 'ALL' | readonly string[] {
    if (actor.kind !== 'staff' || !APPOINTMENT_READER_ROLES.includes(actor.role)) return [];
    return NETWORK_WIDE_ROLES.includes(actor.role) ? 'ALL' : actor.centreIds;
  },

  /** Throws the error an answer other than ALLOWED stands for. */
  enforce(access: AppointmentAccess): void {
    if (access === 'NOT_FOUND') throw new NotFoundError('Appointment');
    if (access === 'FORBIDDEN')
      throw new ForbiddenError('You may not do this with this appointment.');
  },
};

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
