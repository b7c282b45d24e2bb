import { IsPhone } from '@carebook/core';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  BLOOD_GROUPS,
  BloodGroup,
  EARLIEST_DATE_OF_BIRTH,
  Gender,
  GENDERS,
  MAX_EMERGENCY_CONTACTS,
  MAX_NAME_LENGTH,
  MAX_RELATIONSHIP_LENGTH,
} from '../../domain/patient-profile';

const PHONE_DOC: ApiPropertyOptions = {
  example: '+919876543210',
  description:
    'Any common notation; numbers without a country code are read as Indian. Stored as E.164.',
};
const DATE_OF_BIRTH_DOC: ApiPropertyOptions = {
  type: String,
  nullable: true,
  format: 'date',
  example: '1985-04-12',
  description: `YYYY-MM-DD, from ${EARLIEST_DATE_OF_BIRTH} up to today`,
};
const CONTACTS_DOC: ApiPropertyOptions = {
  type: () => [EmergencyContactInputDto],
  maxItems: MAX_EMERGENCY_CONTACTS,
  description: `At most ${MAX_EMERGENCY_CONTACTS}; replaces the whole list`,
};
const YYYY_MM_DD = /^\d{4}-\d{2}-\d{2}$/;
const HAS_TEXT = /\S/;

/** Present (never null) only when the field is sent: an omitted field keeps its value. */
const IfSent = () => ValidateIf((_dto: object, value: unknown) => value !== undefined);

export class EmergencyContactInputDto {
  @ApiProperty({ example: 'Meera Sharma', maxLength: MAX_NAME_LENGTH })
  @IsString()
  @Matches(HAS_TEXT, { message: 'name must not be blank' })
  @MaxLength(MAX_NAME_LENGTH)
  name: string;

  @ApiProperty(PHONE_DOC)
  @IsPhone()
  phone: string;

  @ApiPropertyOptional({ example: 'meera@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ example: 'daughter', maxLength: MAX_RELATIONSHIP_LENGTH })
  @IsString()
  @Matches(HAS_TEXT, { message: 'relationship must not be blank' })
  @MaxLength(MAX_RELATIONSHIP_LENGTH)
  relationship: string;
}

/** `POST /patients`: staff open a record (a walk-in, a phone booking). */
export class CreatePatientDto {
  @ApiProperty({ example: 'Priya Sharma', maxLength: MAX_NAME_LENGTH })
  @IsString()
  @Matches(HAS_TEXT, { message: 'fullName must not be blank' })
  @MaxLength(MAX_NAME_LENGTH)
  fullName: string;

  @ApiProperty(PHONE_DOC)
  @IsPhone()
  phone: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'priya@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional(DATE_OF_BIRTH_DOC)
  @IsOptional()
  @IsString()
  @Matches(YYYY_MM_DD, { message: 'dateOfBirth must be a date written YYYY-MM-DD' })
  dateOfBirth?: string | null;

  @ApiPropertyOptional({ enum: GENDERS, enumName: 'Gender', nullable: true })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender | null;

  @ApiPropertyOptional({ enum: BLOOD_GROUPS, enumName: 'BloodGroup', nullable: true })
  @IsOptional()
  @IsIn(BLOOD_GROUPS)
  bloodGroup?: BloodGroup | null;

  @ApiProperty(CONTACTS_DOC)
  @IsArray()
  @ArrayMaxSize(MAX_EMERGENCY_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => EmergencyContactInputDto)
  emergencyContacts: EmergencyContactInputDto[];
}

/**
 * `PUT /patients/:id`: fields omitted keep their value; `email`, `dateOfBirth`, `gender` and
 * `bloodGroup` may be null to clear them; `emergencyContacts` replaces the whole list.
 */
export class UpdatePatientDto {
  @ApiPropertyOptional({ example: 'Priya Sharma', maxLength: MAX_NAME_LENGTH })
  @IfSent()
  @IsString()
  @Matches(HAS_TEXT, { message: 'fullName must not be blank' })
  @MaxLength(MAX_NAME_LENGTH)
  fullName?: string;

  @ApiPropertyOptional(PHONE_DOC)
  @IfSent()
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'priya@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional(DATE_OF_BIRTH_DOC)
  @IsOptional()
  @IsString()
  @Matches(YYYY_MM_DD, { message: 'dateOfBirth must be a date written YYYY-MM-DD' })
  dateOfBirth?: string | null;

  @ApiPropertyOptional({ enum: GENDERS, enumName: 'Gender', nullable: true })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender | null;

  @ApiPropertyOptional({ enum: BLOOD_GROUPS, enumName: 'BloodGroup', nullable: true })
  @IsOptional()
  @IsIn(BLOOD_GROUPS)
  bloodGroup?: BloodGroup | null;

  @ApiPropertyOptional(CONTACTS_DOC)
  @IfSent()
  @IsArray()
  @ArrayMaxSize(MAX_EMERGENCY_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => EmergencyContactInputDto)
  emergencyContacts?: EmergencyContactInputDto[];
}

/**
 * `PUT /patient/profile`: as `PUT /patients/:id` but without `phone`, which the patient signs
 * in with (sending it is 400 like any unknown field).
 */
export class UpdateOwnProfileDto extends OmitType(UpdatePatientDto, ['phone'] as const) {}
