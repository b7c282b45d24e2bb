import { UpdateStaffUserDto } from '@carebook/identity';
import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
import { IfSent, TextList } from './input-rules';

/** The clinician's own fields of `PUT /clinicians/:id`, each optional. */
class ClinicianProfileChangesDto {
  @ApiPropertyOptional({ type: [String], minItems: 1, maxItems: LIMITS.listItems })
  @IfSent()
  @TextList(LIMITS.specialization)
  @ArrayMinSize(1)
  specializations?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.listItems })
  @IfSent()
  @TextList(LIMITS.qualification)
  qualifications?: string[];

  @ApiPropertyOptional({ type: [String], minItems: 1, maxItems: LIMITS.listItems })
  @IfSent()
  @TextList(LIMITS.language)
  @ArrayMinSize(1)
  languages?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: LIMITS.yearsOfExperience })
  @IfSent()
  @IsInt()
  @Min(0)
  @Max(LIMITS.yearsOfExperience)
  yearsOfExperience?: number;

  @ApiPropertyOptional({ type: MoneyDto })
  @IfSent()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  consultationFee?: MoneyDto;

  @ApiPropertyOptional({ minimum: LIMITS.durationMinutes.min, maximum: LIMITS.durationMinutes.max })
  @IfSent()
  @IsInt()
  @Min(LIMITS.durationMinutes.min)
  @Max(LIMITS.durationMinutes.max)
  consultationDurationMinutes?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: LIMITS.bio,
    description: 'null clears it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.bio)
  bio?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uri',
    description: 'null clears it',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(LIMITS.photoUrl)
  photoUrl?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The previous primary centre stays among centreIds unless centreIds is sent',
  })
  @IfSent()
  @IsUUID('all')
  primaryCentreId?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Replaces the centres besides the primary one',
  })
  @IfSent()
  @IsArray()
  @ArrayMaxSize(LIMITS.centres)
  @IsUUID('all', { each: true })
  centreIds?: string[];

  @ApiPropertyOptional({ type: ClinicianSettingsInputDto })
  @IfSent()
  @IsObject()
  @ValidateNested()
  @Type(() => ClinicianSettingsInputDto)
  settings?: ClinicianSettingsInputDto;
}

/**
 * `PUT /clinicians/:id`: fields omitted keep their value. `fullName`, `phone` and `email`
 * change the staff user (identity's rules apply); sign-in details stay with `/users`.
 */
export class UpdateClinicianDto extends IntersectionType(
  PickType(UpdateStaffUserDto, ['fullName', 'phone', 'email'] as const),
  ClinicianProfileChangesDto,
) {}
