import { ApiProperty } from '@nestjs/swagger';

export class EmergencyContactDto {
  @ApiProperty() name: string;
  @ApiProperty({ example: '+919876543210' }) phone: string;
  @ApiProperty({ required: false }) email?: string;
  @ApiProperty({ example: 'daughter' }) relationship: string;
}

/** A patient's record as the patient and their care team see it. */
export class PatientDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) fullName: string | null;
  @ApiProperty({ example: '+919876543210' }) phone: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true, example: '1985-04-12' }) dateOfBirth: string | null;
  @ApiProperty({ type: String, nullable: true }) gender: string | null;
  @ApiProperty({ type: String, nullable: true }) bloodGroup: string | null;
  @ApiProperty({ type: [EmergencyContactDto] }) emergencyContacts: EmergencyContactDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
