import type { PatientNote } from '../domain/patient-note';
import type { PatientState } from '../domain/patient';
import { PROFILE_COMPLETENESS_FIELDS } from '../domain/patient-profile';
import type { PatientDto } from './dto/patient.dto';
import type { PatientDashboardDto, PatientNoteDto } from './dto/patient-record.dto';

export function patientStateToDto(s: Readonly<PatientState>): PatientDto {
  return {
    id: s.id,
    fullName: s.fullName,
    phone: s.phone,
    email: s.email,
    dateOfBirth: s.dateOfBirth,
    gender: s.gender,
    bloodGroup: s.bloodGroup,
    emergencyContacts: s.emergencyContacts.map((c) => ({ ...c })),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function noteToDto(note: PatientNote): PatientNoteDto {
  const s = note.snapshot();
  return {
    id: s.id,
    patientId: s.patientId,
    authorId: s.authorId,
    text: s.text,
    createdAt: s.createdAt.toISOString(),
  };
}

/** The dashboard the patient context can answer on its own: the profile and what it lacks. */
export function dashboardOf(profile: PatientDto): PatientDashboardDto {
  const missingFields = PROFILE_COMPLETENESS_FIELDS.filter((field) => {
    const value = profile[field];
    return Array.isArray(value) ? value.length === 0 : value === null;
  });
  return { profile, profileComplete: missingFields.length === 0, missingFields };
}
