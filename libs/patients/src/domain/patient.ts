import { AggregateRoot, newId } from '@carebook/core';
import { PatientRegistered } from './events/patient-events';

export interface EmergencyContact {
  name: string;
  phone: string;
  email?: string;
  relationship: string;
}

export interface PatientState {
  id: string;
  /** Null until a self-registered patient tells us their name. */
  fullName: string | null;
  phone: string;
  email: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  bloodGroup: string | null;
  emergencyContacts: EmergencyContact[];
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

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

  static restore(state: PatientState): Patient {
    return new Patient({ ...state, emergencyContacts: [...state.emergencyContacts] });
  }

  get id(): string {
    return this.state.id;
  }

  /** Fills the name on a later sign-in when the first one did not give it. */
  nameIfUnknown(fullName: string | undefined, now: Date): void {
    const name = fullName?.trim();
    if (!name || this.state.fullName) return;
    this.state = { ...this.state, fullName: name, updatedAt: now };
  }

  snapshot(): Readonly<PatientState> {
    return { ...this.state, emergencyContacts: [...this.state.emergencyContacts] };
  }
}
