import { PageDto, PageQueryDto } from '@carebook/core';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsPhoneNumber,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { isIanaTimeZone, TimeZone } from '../../domain/time-zone';

const IsIanaTimeZone = () =>
  ValidateBy({
    name: 'isIanaTimeZone',
    validator: { validate: isIanaTimeZone, defaultMessage: () => 'timeZone must be an IANA time zone such as Asia/Kolkata' },
  });

export class LocationDto {
  @ApiProperty({ minimum: -90, maximum: 90, example: 12.9716 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 77.5946 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng: number;
}

export class CreateCentreDto {
  @ApiProperty({ example: 'carebook Indiranagar', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Bengaluru', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city: string;

  @ApiProperty({ example: '100 Feet Road, Indiranagar, Bengaluru 560038', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address: string;

  @ApiProperty({ example: '+918041234567', description: 'E.164' })
  @IsPhoneNumber(undefined, { message: 'phone must be an E.164 phone number such as +918041234567' })
  phone: string;

  @ApiPropertyOptional({ example: 'indiranagar@carebook.example' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'Asia/Kolkata', default: TimeZone.DEFAULT, description: 'IANA time zone' })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiProperty({ type: LocationDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location: LocationDto;
}

/** Fields omitted keep their value. */
export class UpdateCentreDto extends PartialType(CreateCentreDto) {}

export class CentreDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() city: string;
  @ApiProperty() address: string;
  @ApiProperty({ example: '+918041234567' }) phone: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ example: 'Asia/Kolkata' }) timeZone: string;
  @ApiProperty({ type: LocationDto }) location: LocationDto;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({ description: 'Distance from the query point (only with lat/lng)', example: 4.21 })
  distanceKm?: number;
}

export class CentrePageDto extends PageDto {
  @ApiProperty({ type: [CentreDto] }) items: CentreDto[];
}

export class ListCentresQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'Bengaluru', description: 'Exact city, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ minimum: -90, maximum: 90, description: 'With lng: only centres within radiusKm, nearest first' })
  @ValidateIf((q: ListCentresQueryDto) => q.lat !== undefined || q.lng !== undefined)
  @IsDefined({ message: 'lat and lng go together' })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180 })
  @ValidateIf((q: ListCentresQueryDto) => q.lat !== undefined || q.lng !== undefined)
  @IsDefined({ message: 'lat and lng go together' })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng?: number;

  @ApiPropertyOptional({ minimum: 0.1, maximum: 500, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(500)
  radiusKm?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'ADMIN/MANAGER only: include inactive centres' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeInactive?: 'true' | 'false';
}
