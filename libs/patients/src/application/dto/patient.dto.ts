import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BLOOD_GROUPS, BloodGroup, Gender, GENDERS } from '../../domain/patient-profile';

export class EmergencyContactDto {
  @ApiProperty({ example: 'Meera Sharma' }) name: string;
  @ApiProperty({ example: '+919876543210', description: 'E.164' }) phone: string;
  @ApiPropertyOptional({ example: 'meera@example.com' }) email?: string;
  @ApiProperty({ example: 'daughter' }) relationship: string;
}

/** A patient's record as the patient and their care team see it. */
export class PatientDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Priya Sharma',
    description: 'Null until a patient who registered by signing in gives their name',
  })
  fullName: string | null;
  @ApiProperty({ example: '+919876543210', description: 'E.164; the patient signs in with it' })
  phone: string;
  @ApiProperty({ type: String, nullable: true, example: 'priya@example.com' }) email: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '1985-04-12' })
  dateOfBirth: string | null;
  @ApiProperty({ enum: GENDERS, enumName: 'Gender', nullable: true }) gender: Gender | null;
  @ApiProperty({ enum: BLOOD_GROUPS, enumName: 'BloodGroup', nullable: true })
  bloodGroup: BloodGroup | null;
  @ApiProperty({ type: [EmergencyContactDto] }) emergencyContacts: EmergencyContactDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
