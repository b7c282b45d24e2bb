import { newId, ValidationFailedError } from '@carebook/core';

export const MAX_NOTE_LENGTH = 5000;

export interface PatientNoteState {
  id: string;
  patientId: string;
  /** The staff user who wrote it. */
  authorId: string;
  text: string;
  createdAt: Date;
}

/** A staff note on a patient's record. Notes are never edited: a correction is a new note. */
export class PatientNote {
  private constructor(private readonly state: PatientNoteState) {}

  static write(patientId: string, authorId: string, text: string, now: Date): PatientNote {
    const trimmed = typeof text === 'string' ? text.trim() : '';
    if (!trimmed || trimmed.length > MAX_NOTE_LENGTH) {
      throw new ValidationFailedError([
        { field: 'text', message: `text must have 1 to ${MAX_NOTE_LENGTH} characters` },
      ]);
    }
    return new PatientNote({ id: newId(), patientId, authorId, text: trimmed, createdAt: now });
  }

  static restore(state: PatientNoteState): PatientNote {
    return new PatientNote({ ...state });
  }

  get id(): string {
    return this.state.id;
  }

  snapshot(): Readonly<PatientNoteState> {
    return { ...this.state };
  }
}
