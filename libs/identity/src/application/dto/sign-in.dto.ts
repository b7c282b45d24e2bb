import { IsPhone } from '@carebook/core';
import { PatientDto } from '@carebook/patients';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class SendOtpDto {
  @ApiProperty({
    example: '+919876543210',
    description: 'E.164, or a national number (India assumed)',
  })
  @IsPhone()
  phone: string;
}

export class OtpAcceptedDto {
  @ApiProperty({
    example: 'If the number can sign in, a code is on its way. It is valid for 5 minutes.',
  })
  message: string;
  @ApiProperty({ example: 300 }) expiresIn: number;
}

export class LoginWithPhoneOtpDto extends SendOtpDto {
  @ApiProperty({ example: '123456', pattern: '^\\d{6}$' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits of the message' })
  code: string;
}

export class VerifyPatientOtpDto extends LoginWithPhoneOtpDto {
  @ApiPropertyOptional({
    example: 'Priya Sharma',
    description: 'Used when this sign-in registers the patient',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;
}

export class LoginWithPhonePasswordDto extends SendOtpDto {
  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

/** A new token pair (every refresh rotates the refresh token). */
export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 900 }) expiresIn: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty() refreshToken: string;
  @ApiProperty({ example: 604800 }) refreshExpiresIn: number;
}

export class PatientLoginResultDto extends TokenPairDto {
  @ApiProperty({ type: PatientDto }) patient: PatientDto;
  @ApiProperty({ description: 'True when this sign-in registered the patient' })
  registered: boolean;
}
