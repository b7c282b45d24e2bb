import type { Actor } from '@carebook/core';
import { Command } from '@nestjs/cqrs';
import type { PatientNoteDto } from '../../dto/patient-record.dto';

/**
 * A staff user adds a note to a patient's record (notes are never edited). NOT_FOUND for an
 * unknown patient, 403 for roles the access policy refuses; audited as `patient.note.added`.
 */
export class AddPatientNote extends Command<PatientNoteDto> {
  constructor(
    readonly actor: Actor,
    readonly patientId: string,
    readonly text: string,
  ) {
    super();
  }
}
