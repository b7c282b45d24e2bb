import { PatientNote } from './patient-note';

/** Port: a patient's notes (append-only). */
export abstract class PatientNoteRepository {
  abstract add(note: PatientNote): Promise<void>;
  /** The patient's notes, newest first. */
  abstract listForPatient(patientId: string): Promise<PatientNote[]>;
}
