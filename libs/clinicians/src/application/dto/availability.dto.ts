import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SESSION_TYPES } from '../../domain/session-type';
import type { SessionType } from '../../domain/session-type';

export { SESSION_TYPES } from '../../domain/session-type';
export type { SessionType } from '../../domain/session-type';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HH_MM_OR_MIDNIGHT = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
/** A date-time with its offset: `2026-03-02T09:00:00Z`, `2026-03-02T14:30:00+05:30`. */
const WITH_OFFSET = /T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const MAX_RULES = 200;

/** One weekly rule, in the wall-clock time of its centre's zone. */
export class AvailabilityRuleDto {
  @ApiProperty({ minimum: 0, maximum: 6, example: 1, description: '0 = Sunday ... 6 = Saturday' })
  @IsInt()
  @Min(0)
  @Max(6)
  dayOfWeek: number;

  @ApiProperty({ example: '09:00', pattern: HH_MM.source, description: 'Local to the centre' })
  @Matches(HH_MM, { message: 'startTime must be a time HH:mm from 00:00 to 23:59' })
  startTime: string;

  @ApiProperty({
    example: '13:00',
    pattern: HH_MM_OR_MIDNIGHT.source,
    description: 'Exclusive; "24:00" = until midnight',
  })
  @Matches(HH_MM_OR_MIDNIGHT, { message: 'endTime must be a time HH:mm from 00:01 to 24:00' })
  endTime: string;

  @ApiProperty({ format: 'uuid', description: "One of the clinician's centres" })
  @IsUUID('all')
  centreId: string;

  @ApiProperty({ enum: SESSION_TYPES, enumName: 'SessionType' })
  @IsIn(SESSION_TYPES)
  sessionType: SessionType;
}

/** `PUT /clinicians/:id/availability`: the whole week; rules of one day may touch, not overlap. */
export class ReplaceAvailabilityDto {
  @ApiProperty({ type: [AvailabilityRuleDto], maxItems: MAX_RULES })
  @IsArray()
  @ArrayMaxSize(MAX_RULES)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityRuleDto)
  rules: AvailabilityRuleDto[];
}

/** `POST /clinicians/:id/time-off`: `[startsAt, endsAt)`, any offset. */
export class AddTimeOffDto {
  @ApiProperty({ format: 'date-time', example: '2026-03-02T09:00:00+05:30' })
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'startsAt must carry a time and an offset (Z or +05:30)' })
  startsAt: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-03-02T18:00:00+05:30',
    description: 'Exclusive',
  })
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'endsAt must carry a time and an offset (Z or +05:30)' })
  endsAt: string;

  @ApiProperty({ example: 'Conference', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

/** A stretch of time off, `[startsAt, endsAt)` in UTC. */
export class TimeOffDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) endsAt: string;
  @ApiPropertyOptional({ description: 'Only for the clinician themself and those who manage them' })
  reason?: string;
}

/** `GET /clinicians/:id/availability`: the weekly rules and the time off still to come. */
export class AvailabilityDto {
  @ApiProperty({ format: 'uuid' }) clinicianId: string;
  @ApiProperty({ type: [AvailabilityRuleDto], description: 'By day, then start' })
  rules: AvailabilityRuleDto[];
  @ApiProperty({ type: [TimeOffDto], description: 'Time off not yet over, soonest first' })
  timeOff: TimeOffDto[];
}
