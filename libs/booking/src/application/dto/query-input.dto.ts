import { PageQueryDto } from '@carebook/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  APPOINTMENT_STATUSES,
  AppointmentStatus,
  SESSION_TYPES,
  SessionType,
} from '../../domain/appointment-status';
import { IsInstantOrLocalDate, IsLocalDate } from './booking-validators';

const RANGE_DOC =
  'YYYY-MM-DD (in the centre time zone; `to` includes that whole day) or an ISO-8601 date-time (`to` exclusive)';

/** `GET /appointments` and the other lists: by start time. */
export class ListAppointmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  centreId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clinicianId?: string;

  @ApiPropertyOptional({ enum: APPOINTMENT_STATUSES })
  @IsOptional()
  @IsIn(APPOINTMENT_STATUSES)
  status?: AppointmentStatus;

  @ApiPropertyOptional({ description: `Starts at or after. ${RANGE_DOC}` })
  @IsOptional()
  @IsInstantOrLocalDate()
  from?: string;

  @ApiPropertyOptional({ description: `Starts before. ${RANGE_DOC}` })
  @IsOptional()
  @IsInstantOrLocalDate()
  to?: string;
}

/** A patient's own lists: only the status and time filters apply. */
export class MyAppointmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPOINTMENT_STATUSES })
  @IsOptional()
  @IsIn(APPOINTMENT_STATUSES)
  status?: AppointmentStatus;

  @ApiPropertyOptional({ description: `Starts at or after. ${RANGE_DOC}` })
  @IsOptional()
  @IsInstantOrLocalDate()
  from?: string;

  @ApiPropertyOptional({ description: `Starts before. ${RANGE_DOC}` })
  @IsOptional()
  @IsInstantOrLocalDate()
  to?: string;
}

/** `GET /clinicians/:id/slots`. */
export class FreeSlotsQueryDto {
  @ApiProperty({ example: '2026-03-02', description: 'First local date (YYYY-MM-DD)' })
  @IsLocalDate()
  from: string;

  @ApiProperty({
    example: '2026-03-08',
    description: 'Last local date, inclusive; at most 31 days after `from`',
  })
  @IsLocalDate()
  to: string;

  @ApiPropertyOptional({ enum: SESSION_TYPES })
  @IsOptional()
  @IsIn(SESSION_TYPES)
  sessionType?: SessionType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  centreId?: string;
}

/** `GET /booking/available-slots` and `GET /appointments/availability`: one local day. */
export class DaySlotsQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clinicianId: string;

  @ApiProperty({
    example: '2026-03-02',
    description: 'Local date (YYYY-MM-DD) in the centre time zone',
  })
  @IsLocalDate()
  date: string;

  @ApiPropertyOptional({ enum: SESSION_TYPES })
  @IsOptional()
  @IsIn(SESSION_TYPES)
  sessionType?: SessionType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  centreId?: string;
}

/** The front desk board of one centre. */
export class BoardQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  centreId: string;

  @ApiPropertyOptional({
    example: '2026-03-02',
    description: "Local date; default today in the centre's time zone",
  })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

export class QueueQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  centreId: string;
}
