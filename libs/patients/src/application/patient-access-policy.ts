import { Actor, ForbiddenError, NotFoundError, Role } from '@carebook/core';

/** What can be done with patient records. */
export type PatientAction =
  | 'search'
  | 'create'
  /** The profile: details and emergency contacts. */
  | 'view'
  /** The whole record staff work with: the profile and the staff notes. */
  | 'view-record'
  | 'update'
  | 'add-note'
  | 'view-status-history';

/**
 * ALLOWED; NOT_FOUND when the record is outside the actor's reach (answered like an unknown
 * id, so ids cannot be probed); FORBIDDEN when the actor may not do this to any record.
 */
export type PatientAccess = 'ALLOWED' | 'NOT_FOUND' | 'FORBIDDEN';

/** Staff roles that may search, open, create and edit any patient record (all but CAREGIVER). */
export const PATIENT_RECORD_ROLES: readonly Role[] = [
  Role.ADMIN,
  Role.MANAGER,
  Role.CENTRE_MANAGER,
  Role.CARE_COORDINATOR,
  Role.FRONT_DESK,
  Role.CLINICIAN,
];

/** What a patient may do with their own record (self-service). */
const SELF_SERVICE: readonly PatientAction[] = ['view', 'update'];

/**
 * Who may read and write which patient records: the one place these rules live. Routes admit
 * every staff role (and, on `/patient`, patients) and handlers ask this policy.
 *
 * The decision, for now (patients are not owned by a centre in this model; they become linked
 * to centres through appointments, which booking is building):
 * - ADMIN, MANAGER, CENTRE_MANAGER, CARE_COORDINATOR, FRONT_DESK and CLINICIAN may search all
 *   patients, open any record, create records and edit them, add notes and read the status
 *   history, whatever their centres: the front desk must find and register walk-ins who have
 *   never been to that centre. Every read and write is audited with the patient's id.
 * - CAREGIVER gets 403 on everything here (search, create, open, edit, notes, status history):
 *   caregivers will reach the patients assigned to them once the care context records
 *   assignments. The refusal does not depend on the id, so it reveals nothing.
 * - A patient reaches only their own profile (view, and edit everything but the phone they sign
 *   in with), never staff notes or other records: another patient's id answers NOT_FOUND.
 *   Staff routes refuse patient tokens (403) before any handler runs.
 *
 * When appointments link patients to centres, centre-scoped roles can be narrowed here to the
 * patients of their centres (plus search by exact phone for walk-ins) without touching routes.
 */
export const PatientAccessPolicy = {
  /** May `actor` do `action` (to the record `patientId`, when the action has one)? */
  toAct(actor: Actor, action: PatientAction, patientId?: string): PatientAccess {
    if (actor.kind === 'patient') {
      if (!SELF_SERVICE.includes(action)) return 'FORBIDDEN';
      return patientId !== undefined && sameId(patientId, actor.id) ? 'ALLOWED' : 'NOT_FOUND';
    }
    return PATIENT_RECORD_ROLES.includes(actor.role) ? 'ALLOWED' : 'FORBIDDEN';
  },

  /** May `actor` change these fields? A patient never changes the phone they sign in with. */
  toChange(actor: Actor, fields: readonly string[]): PatientAccess {
    if (actor.kind === 'patient' && fields.includes('phone')) return 'FORBIDDEN';
    return 'ALLOWED';
  },

  /** Throws the error an answer other than ALLOWED stands for. */
  enforce(access: PatientAccess): void {
    if (access === 'NOT_FOUND') throw new NotFoundError('Patient');
    if (access === 'FORBIDDEN')
      throw new ForbiddenError('You may not do this with patient records.');
  },
};

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
