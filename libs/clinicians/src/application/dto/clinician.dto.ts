import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { LIMITS } from '../../domain/clinician-profile';

/** Money: integer minor units (paise, cents) and an ISO 4217 currency. */
export class MoneyDto {
  @ApiProperty({ example: 80000, minimum: 0, description: 'Minor units: 80000 = ₹800.00' })
  @IsInt()
  @Min(0)
  @Max(LIMITS.feeAmount)
  amount: number;

  @ApiProperty({ example: 'INR', pattern: '^[A-Z]{3}$' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as INR' })
  currency: string;
}

/** How bookable time is cut (see docs/scheduling.md). */
export class ClinicianSettingsDto {
  @ApiProperty({ example: 0, minimum: 0, maximum: LIMITS.bufferMinutes })
  bufferBeforeMinutes: number;

  @ApiProperty({ example: 10, minimum: 0, maximum: LIMITS.bufferMinutes })
  bufferAfterMinutes: number;

  @ApiProperty({ example: 120, minimum: 0, description: 'Earliest booking: now + this' })
  minNoticeMinutes: number;

  @ApiProperty({
    example: 60,
    minimum: 1,
    maximum: LIMITS.horizonDays,
    description: 'Latest booking: now + this',
  })
  horizonDays: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: 'Most bookings per local day; null = no cap',
  })
  dailyCap: number | null;
}

/** A clinician's profile as `GET /clinicians/:id` shows it. */
export class ClinicianDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The CLINICIAN staff user who signs in as this clinician',
  })
  userId: string;
  @ApiProperty({ example: 'Dr. Meera Iyer' }) fullName: string;
  @ApiProperty({ type: [String], example: ['Cardiology'] }) specializations: string[];
  @ApiProperty({ type: [String], example: ['MBBS', 'MD (Cardiology)'] }) qualifications: string[];
  @ApiProperty({ type: [String], example: ['English', 'Hindi', 'Tamil'] }) languages: string[];
  @ApiProperty({ example: 12 }) yearsOfExperience: number;
  @ApiProperty({ type: MoneyDto }) consultationFee: MoneyDto;
  @ApiProperty({ example: 20, description: 'Length of one appointment (one slot)' })
  consultationDurationMinutes: number;
  @ApiProperty({ type: String, nullable: true }) bio: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uri' }) photoUrl: string | null;
  @ApiProperty({ format: 'uuid' }) primaryCentreId: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Every centre they practise at, the primary one included',
  })
  centreIds: string[];
  @ApiProperty({ type: ClinicianSettingsDto }) settings: ClinicianSettingsDto;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
