import { Command } from '@nestjs/cqrs';
import type { PatientDto } from '../../dto/patient.dto';

/**
 * The patient with this verified phone, registered now if new (identity runs it when a patient
 * signs in). Safe under concurrency: two first sign-ins with one phone yield one patient.
 */
export class RegisterPatientByPhone extends Command<{ patient: PatientDto; created: boolean }> {
  constructor(
    readonly phone: string,
    readonly fullName?: string,
  ) {
    super();
  }
}
