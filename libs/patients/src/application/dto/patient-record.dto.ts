import { PageDto, PageQueryDto } from '@carebook/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Gender, GENDERS } from '../../domain/patient-profile';
import { PATIENT_STATUSES, PatientStatus } from '../../domain/patient-status';
import { MAX_NOTE_LENGTH } from '../../domain/patient-note';
import { PatientDto } from './patient.dto';

/** A staff note on a patient's record. */
export class PatientNoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ format: 'uuid', description: 'The staff user who wrote the note' })
  authorId: string;
  @ApiProperty({ example: 'Prefers morning appointments; hard of hearing.' }) text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** `POST /patients/:id/notes`. */
export class AddPatientNoteDto {
  @ApiProperty({ maxLength: MAX_NOTE_LENGTH, example: 'Prefers morning appointments.' })
  @IsString()
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(MAX_NOTE_LENGTH)
  text: string;
}

/** The record as staff open it: the patient's details and the staff notes, newest first. */
export class PatientRecordDto extends PatientDto {
  @ApiProperty({ type: [PatientNoteDto], description: 'Staff notes, newest first' })
  notes: PatientNoteDto[];
}

/** A search hit: enough to tell patients apart, without the rest of the record. */
export class PatientSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'Priya Sharma' }) fullName: string | null;
  @ApiProperty({ example: '+919876543210' }) phone: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '1985-04-12' })
  dateOfBirth: string | null;
  @ApiProperty({ enum: GENDERS, enumName: 'Gender', nullable: true }) gender: Gender | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PatientSummaryPageDto extends PageDto {
  @ApiProperty({ type: [PatientSummaryDto] }) items: PatientSummaryDto[];
}

/** `GET /patients?search=&page=&limit=`. */
export class SearchPatientsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    maxLength: 100,
    example: 'priya',
    description:
      'Digits (with optional +, spaces, dashes): phone prefix, as E.164 (`+9198...`) or a ' +
      'national number (`98...`, `098...`). Anything else: every word must occur in the name ' +
      '(case-insensitive substring), best matches first. Omitted: newest records first.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

/** One entry of a patient's status history (written by care reports). */
export class PatientStatusEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ enum: PATIENT_STATUSES, enumName: 'PatientStatus' }) status: PatientStatus;
  @ApiProperty({ format: 'uuid', description: 'The staff user who recorded it' })
  recordedBy: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class PatientStatusPageDto extends PageDto {
  @ApiProperty({ type: [PatientStatusEntryDto], description: 'Newest first' })
  items: PatientStatusEntryDto[];
}

/** `GET /patient/dashboard`: what the patient context can answer on its own. */
export class PatientDashboardDto {
  @ApiProperty({ type: PatientDto }) profile: PatientDto;
  @ApiProperty({ description: 'True when no field in missingFields is left' })
  profileComplete: boolean;
  @ApiProperty({
    type: [String],
    example: ['dateOfBirth', 'emergencyContacts'],
    description:
      'Profile fields still to fill in, of fullName, dateOfBirth, gender and emergencyContacts ' +
      '(at least one contact); email and bloodGroup are optional',
  })
  missingFields: string[];
}
