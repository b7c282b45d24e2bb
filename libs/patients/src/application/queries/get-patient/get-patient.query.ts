import { Query } from '@nestjs/cqrs';
import type { PatientDto } from '../../dto/patient.dto';

/** One patient's record; NOT_FOUND when missing or deleted. Callers enforce who may read it. */
export class GetPatient extends Query<PatientDto> {
  constructor(readonly patientId: string) {
    super();
  }
}
