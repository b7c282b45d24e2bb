import { PageDto, PageQueryDto } from '@carebook/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsDefined, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export const SESSION_TYPES = ['IN_PERSON', 'ONLINE'] as const;
export const DIRECTORY_SORTS = ['distance', 'nextAvailable', 'fee', 'experience'] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

const nearby = (q: SearchCliniciansQueryDto) => q.lat !== undefined || q.lng !== undefined;

/** `GET /clinicians` filters (all optional; `lat`+`lng` go together). */
export class SearchCliniciansQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'Dermatology' }) @IsOptional() @IsString() @MaxLength(100) specialization?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() centreId?: string;
  @ApiPropertyOptional({ example: 'Bengaluru' }) @IsOptional() @IsString() @MaxLength(100) city?: string;
  @ApiPropertyOptional({ example: 'Kannada' }) @IsOptional() @IsString() @MaxLength(50) language?: string;
  @ApiPropertyOptional({ description: 'Part of the clinician name' }) @IsOptional() @IsString() @MaxLength(100) name?: string;

  @ApiPropertyOptional({ description: 'Minor units (paise)', minimum: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) minFee?: number;
  @ApiPropertyOptional({ description: 'Minor units (paise)', minimum: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) maxFee?: number;

  @ApiPropertyOptional({ enum: SESSION_TYPES }) @IsOptional() @IsIn(SESSION_TYPES) sessionType?: (typeof SESSION_TYPES)[number];

  @ApiPropertyOptional({ minimum: -90, maximum: 90 })
  @ValidateIf(nearby) @IsDefined({ message: 'lat and lng go together' }) @Type(() => Number) @IsNumber() @Min(-90) @Max(90) lat?: number;
  @ApiPropertyOptional({ minimum: -180, maximum: 180 })
  @ValidateIf(nearby) @IsDefined({ message: 'lat and lng go together' }) @Type(() => Number) @IsNumber() @Min(-180) @Max(180) lng?: number;
  @ApiPropertyOptional({ minimum: 0.1, maximum: 500, default: 10 })
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0.1) @Max(500) radiusKm?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only clinicians with a free slot starting at or after this time…' })
  @IsOptional() @IsDateString() availableFrom?: string;
  @ApiPropertyOptional({ format: 'date-time', description: '…and before this time (within the next 14 days)' })
  @IsOptional() @IsDateString() availableTo?: string;

  @ApiPropertyOptional({ enum: DIRECTORY_SORTS, description: 'Default: distance with lat/lng, else nextAvailable' })
  @IsOptional() @IsIn(DIRECTORY_SORTS) sort?: DirectorySort;
}

export class MoneyDto {
  @ApiProperty({ example: 50000, description: 'Minor units' }) amount: number;
  @ApiProperty({ example: 'INR' }) currency: string;
}

export class DirectoryCentreDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() city: string;
}

/** A clinician as the directory lists them. */
export class ClinicianSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ type: [String] }) specializations: string[];
  @ApiProperty({ type: [String] }) qualifications: string[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty() yearsOfExperience: number;
  @ApiProperty({ type: MoneyDto }) consultationFee: MoneyDto;
  @ApiProperty() consultationDurationMinutes: number;
  @ApiProperty({ type: String, nullable: true }) photoUrl: string | null;
  @ApiProperty({ type: DirectoryCentreDto }) primaryCentre: DirectoryCentreDto;
  @ApiProperty({ type: [String], format: 'uuid' }) centreIds: string[];
  @ApiProperty({ enum: SESSION_TYPES, isArray: true }) sessionTypes: string[];
  @ApiPropertyOptional({ description: 'Only with lat/lng', example: 3.42 }) distanceKm?: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'First free slot within 14 days' })
  nextAvailableSlot: string | null;
}

export class ClinicianSummaryPageDto extends PageDto {
  @ApiProperty({ type: [ClinicianSummaryDto] }) items: ClinicianSummaryDto[];
}
