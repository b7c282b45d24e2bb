import { CreateStaffUserDto } from '@carebook/identity';
import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LIMITS } from '../../domain/clinician-profile';
import { ClinicianSettingsInputDto } from './clinician-settings-input.dto';
import { MoneyDto } from './clinician.dto';
import { TextList } from './input-rules';

/** The clinician's own fields of `POST /clinicians` (the staff user's come from identity). */
class ClinicianProfileInputDto {
  @ApiProperty({ type: [String], example: ['Cardiology'], minItems: 1, maxItems: LIMITS.listItems })
  @TextList(LIMITS.specialization)
  @ArrayMinSize(1)
  specializations: string[];

  @ApiProperty({ type: [String], example: ['MBBS', 'MD (Cardiology)'], maxItems: LIMITS.listItems })
  @TextList(LIMITS.qualification)
  qualifications: string[];

  @ApiProperty({
    type: [String],
    example: ['English', 'Hindi'],
    minItems: 1,
    maxItems: LIMITS.listItems,
  })
  @TextList(LIMITS.language)
  @ArrayMinSize(1)
  languages: string[];

  @ApiProperty({ example: 12, minimum: 0, maximum: LIMITS.yearsOfExperience })
  @IsInt()
  @Min(0)
  @Max(LIMITS.yearsOfExperience)
  yearsOfExperience: number;

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  consultationFee: MoneyDto;

  @ApiProperty({
    example: 20,
    minimum: LIMITS.durationMinutes.min,
    maximum: LIMITS.durationMinutes.max,
  })
  @IsInt()
  @Min(LIMITS.durationMinutes.min)
  @Max(LIMITS.durationMinutes.max)
  consultationDurationMinutes: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.bio })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.bio)
  bio?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uri',
    example: 'https://cdn.example/meera.jpg',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(LIMITS.photoUrl)
  photoUrl?: string | null;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  primaryCentreId: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    default: [],
    description: 'Further centres they practise at',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.centres)
  @IsUUID('all', { each: true })
  centreIds?: string[];

  @ApiPropertyOptional({ type: ClinicianSettingsInputDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ClinicianSettingsInputDto)
  settings?: ClinicianSettingsInputDto;
}

/**
 * `POST /clinicians`: the CLINICIAN staff user (name, phone, optional email, username and
 * password, with identity's rules) and their profile, created together.
 */
export class CreateClinicianDto extends IntersectionType(
  PickType(CreateStaffUserDto, ['fullName', 'phone', 'email', 'username', 'password'] as const),
  ClinicianProfileInputDto,
) {}
