import { Query } from '@nestjs/cqrs';
import type { PatientDto } from '../../dto/patient.dto';

/**
 * One patient's record; NOT_FOUND when missing or deleted. Callers enforce who may read it, and
 * it writes no audit row: for identity and other contexts' internal look-ups. Routes that show
 * a record to someone use ViewPatientRecord / ViewPatientProfile, which check and audit.
 */
export class GetPatient extends Query<PatientDto> {
  constructor(readonly patientId: string) {
    super();
  }
}
