import { AggregateRoot, newId } from '@carebook/core';
import { PatientChangeSource, PatientRegistered, PatientUpdated } from './events/patient-events';
import { EmergencyContact, normaliseProfile, PatientProfile } from './patient-profile';
import { assertValidProfile } from './patient-profile-rules';

export type { EmergencyContact } from './patient-profile';

export interface PatientState extends PatientProfile {
  id: string;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What staff give when they open a record (a walk-in): a name and a phone at least. */
export type NewPatientProfile = Omit<PatientProfile, 'fullName'> & { fullName: string };

/** Changes to a record; omitted fields keep their value, `null` clears an optional one. */
export type PatientChanges = Partial<Omit<PatientProfile, 'fullName'>> & { fullName?: string };

const PROFILE_FIELDS: ReadonlyArray<keyof PatientProfile> = [
  'fullName',
  'phone',
  'email',
  'dateOfBirth',
  'gender',
  'bloodGroup',
  'emergencyContacts',
];

/** A person who receives care. Identified by their E.164 phone, with which they sign in. */
export class Patient extends AggregateRoot {
  private constructor(private state: PatientState) {
    super();
  }

  /** A patient who signed in for the first time with a verified phone. */
  static registerSelf(phone: string, fullName: string | null, now: Date): Patient {
    const patient = new Patient({
      id: newId(),
      fullName: fullName?.trim() || null,
      phone,
      email: null,
      dateOfBirth: null,
      gender: null,
      bloodGroup: null,
      emergencyContacts: [],
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    patient.record(new PatientRegistered(patient.id, 'SELF', now));
    return patient;
  }

  /** Staff open a record for someone (a walk-in, a phone booking). Throws VALIDATION_FAILED. */
  static registerByStaff(profile: NewPatientProfile, now: Date): Patient {
    const clean = normaliseProfile(profile);
    assertValidProfile(clean, now);
    const patient = new Patient({
      ...clean,
      id: newId(),
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    patient.record(new PatientRegistered(patient.id, 'STAFF', now));
    return patient;
  }

  static restore(state: PatientState): Patient {
    return new Patient({ ...state, emergencyContacts: [...state.emergencyContacts] });
  }

  get id(): string {
    return this.state.id;
  }

  get phone(): string {
    return this.state.phone;
  }

  /** Fills the name on a later sign-in when the first one did not give it. */
  nameIfUnknown(fullName: string | undefined, now: Date): boolean {
    const name = fullName?.trim();
    if (!name || this.state.fullName) return false;
    return this.revise({ fullName: name }, 'SELF', now).length > 0;
  }

  /**
   * Changes the given fields (VALIDATION_FAILED when one breaks a rule) and answers the names
   * of those that really changed; records PatientUpdated only then.
   */
  revise(changes: PatientChanges, source: PatientChangeSource, now: Date): string[] {
    const clean = normaliseProfile(changes);
    assertValidProfile(clean, now);
    const next: Partial<PatientProfile> = {};
    const changed = PROFILE_FIELDS.filter((field) => {
      const value = clean[field];
      if (value === undefined || sameValue(value, this.state[field])) return false;
      (next as Record<string, unknown>)[field] = value;
      return true;
    });
    if (!changed.length) return [];
    this.state = { ...this.state, ...next, updatedAt: now };
    this.record(new PatientUpdated(this.id, [...changed], source, now));
    return [...changed];
  }

  snapshot(): Readonly<PatientState> {
    return {
      ...this.state,
      emergencyContacts: this.state.emergencyContacts.map((c) => ({ ...c })),
    };
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return JSON.stringify(a) === JSON.stringify(normalisedContacts(b));
  return a === b;
}

/** Stored contacts compared field by field in the order the domain writes them. */
function normalisedContacts(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return (value as EmergencyContact[]).map((c) => {
    const contact: EmergencyContact = {
      name: c.name,
      phone: c.phone,
      relationship: c.relationship,
    };
    if (c.email) contact.email = c.email;
    return contact;
  });
}
