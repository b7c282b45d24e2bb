/** The genders a record may state; UNDISCLOSED when the patient prefers not to say. */
export const GENDERS = ['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED'] as const;
export type Gender = (typeof GENDERS)[number];

/** ABO and Rh(D) blood groups. */
export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'] as const;
export type BloodGroup = (typeof BLOOD_GROUPS)[number];

export const MAX_EMERGENCY_CONTACTS = 5;
export const MAX_NAME_LENGTH = 200;
export const MAX_RELATIONSHIP_LENGTH = 50;
/** The earliest date of birth a record accepts: older dates are typing mistakes. */
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

/** Someone to call (and, in an alert, message) on the patient's behalf. */
export interface EmergencyContact {
  name: string;
  phone: string;
  email?: string;
  relationship: string;
}

/** What a patient's record says about them (everything but identity and timestamps). */
export interface PatientProfile {
  /** Null until a self-registered patient tells us their name. */
  fullName: string | null;
  /** E.164; the patient signs in with it, so one living patient per phone. */
  phone: string;
  email: string | null;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string | null;
  gender: Gender | null;
  bloodGroup: BloodGroup | null;
  emergencyContacts: EmergencyContact[];
}

/** Trims text fields and drops empty optional ones; leaves absent (undefined) fields absent. */
export function normaliseProfile<T extends Partial<PatientProfile>>(profile: T): T {
  const out: Partial<PatientProfile> = { ...profile };
  if (typeof profile.fullName === 'string') out.fullName = profile.fullName.trim();
  if (typeof profile.email === 'string') out.email = profile.email.trim() || null;
  if (Array.isArray(profile.emergencyContacts)) {
    out.emergencyContacts = profile.emergencyContacts.map((c) => {
      const contact: EmergencyContact = {
        name: trimmed(c?.name),
        phone: c?.phone,
        relationship: trimmed(c?.relationship),
      };
      const email = trimmed(c?.email);
      if (email) contact.email = email;
      return contact;
    });
  }
  return out as T;
}

/** Trims strings; leaves anything else for the rules to refuse. */
function trimmed<T>(value: T): T {
  return (typeof value === 'string' ? value.trim() : value) as T;
}

/**
 * The fields a complete profile has filled in (emergencyContacts: at least one). Email and
 * blood group are optional: many patients have no email (SMS reaches them) or do not know it.
 */
export const PROFILE_COMPLETENESS_FIELDS = [
  'fullName',
  'dateOfBirth',
  'gender',
  'emergencyContacts',
] as const satisfies ReadonlyArray<keyof PatientProfile>;
