import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { StaffUserDto } from './staff-user.dto';

/**
 * Deliberately loose: any username or password that is not what we stored answers the same
 * 401 INVALID_CREDENTIALS, so format rules here would only tell probers which names can exist.
 * The length caps bound the work one request can cause.
 */
export class LoginWithUsernamePasswordDto {
  @ApiProperty({ example: 'admin', maxLength: 254 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  username: string;

  @ApiProperty({ example: 'carebook-admin-123', maxLength: 1024, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}

/** A successful sign-in: a bearer access token and the signed-in user. */
export class LoginResultDto {
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Opaque, single-use: trade it at /refresh for a new pair (7 days)' })
  refreshToken: string;

  @ApiProperty({ example: 604800, description: 'Seconds until the refresh token expires' })
  refreshExpiresIn: number;

  @ApiProperty({ type: StaffUserDto })
  user: StaffUserDto;
}
