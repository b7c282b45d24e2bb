import { IsPhone, Role } from '@carebook/core';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, OmitType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { USERNAME_PATTERN } from '../../domain/staff-user-profile';

const USERNAME_MESSAGE =
  'username must have 3 to 64 letters, digits or . _ @ - and start with a letter or digit';
const PHONE_DOC: ApiPropertyOptions = {
  example: '+919800000000',
  description:
    'Any common notation; numbers without a country code are read as Indian. Stored as E.164.',
};
const PASSWORD_DOC: ApiPropertyOptions = {
  minLength: 10,
  maxLength: 128,
  format: 'password',
  description: 'Enables sign-in with username or phone and password. Stored only as a hash.',
};
const CENTRE_IDS_DOC: ApiPropertyOptions = {
  type: [String],
  format: 'uuid',
  description: 'Centres the user belongs to: at least one, except ADMIN and MANAGER, who take none',
};

/** Present (possibly null) only when the field is sent: an omitted field keeps its value. */
const IfSent = () => ValidateIf((_dto: object, value: unknown) => value !== undefined);

/** `POST /users`: a new staff user with one role. */
export class CreateStaffUserDto {
  @ApiProperty({ example: 'Asha Rao', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty(PHONE_DOC)
  @IsPhone()
  phone: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'asha@carebook.example' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'asha.rao',
    pattern: USERNAME_PATTERN.source,
  })
  @IsOptional()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username?: string | null;

  @ApiPropertyOptional(PASSWORD_DOC)
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  password?: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsEnum(Role)
  role: Role;

  @ApiProperty(CENTRE_IDS_DOC)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  centreIds: string[];
}

/** The role shortcuts (`POST /users/front-desk`, ...): the route names the role. */
export class CreateStaffUserForRoleDto extends OmitType(CreateStaffUserDto, ['role', 'centreIds']) {
  @ApiPropertyOptional({ ...CENTRE_IDS_DOC, default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  centreIds?: string[];
}

/**
 * `PUT /users/:id`: fields omitted keep their value; `email` and `username` may be null to
 * clear them. A new `password` replaces the old one.
 */
export class UpdateStaffUserDto {
  @ApiPropertyOptional({ example: 'Asha Rao', maxLength: 200 })
  @IfSent()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional(PHONE_DOC)
  @IfSent()
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'asha@carebook.example' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'asha.rao',
    pattern: USERNAME_PATTERN.source,
  })
  @IsOptional()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username?: string | null;

  @ApiPropertyOptional(PASSWORD_DOC)
  @IfSent()
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  password?: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IfSent()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional(CENTRE_IDS_DOC)
  @IfSent()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  centreIds?: string[];
}
