import type { PatientState } from '../domain/patient';
import type { PatientDto } from './dto/patient.dto';

export function patientStateToDto(s: Readonly<PatientState>): PatientDto {
  return {
    id: s.id,
    fullName: s.fullName,
    phone: s.phone,
    email: s.email,
    dateOfBirth: s.dateOfBirth,
    gender: s.gender,
    bloodGroup: s.bloodGroup,
    emergencyContacts: s.emergencyContacts,
    createdAt: s.createdAt.toISOString(),
  };
}
