import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsTimeZone, IsUUID } from 'class-validator';
import { IsInstantOrDate } from './message-query-validators';

const PERIOD_DOC =
  'An ISO-8601 date-time with Z or an offset, or a date YYYY-MM-DD in `tz` (as `to` the whole day is included).';

/** `GET /notifications/stats`: a period (default: the 7 days before now), a zone, a centre. */
export class MessageStatsQueryDto {
  @ApiPropertyOptional({
    description: `Created at or after; default 7 days before \`to\`. ${PERIOD_DOC}`,
  })
  @IsOptional()
  @IsInstantOrDate()
  from?: string;

  @ApiPropertyOptional({ description: `Created before; default now. ${PERIOD_DOC}` })
  @IsOptional()
  @IsInstantOrDate()
  to?: string;

  @ApiPropertyOptional({
    example: 'Asia/Kolkata',
    default: 'UTC',
    description: 'IANA time zone of the days in `byDay` and of date-only `from`/`to`',
  })
  @IsOptional()
  @IsTimeZone()
  tz?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this centre's messages" })
  @IsOptional()
  @IsUUID()
  centreId?: string;
}

export class ChannelCountsDto {
  @ApiProperty({ type: 'integer' }) SMS: number;
  @ApiProperty({ type: 'integer' }) WHATSAPP: number;
  @ApiProperty({ type: 'integer' }) EMAIL: number;
  @ApiProperty({ type: 'integer' }) LOG: number;
}

export class StatusCountsDto {
  @ApiProperty({ type: 'integer' }) PENDING: number;
  @ApiProperty({ type: 'integer' }) SENT: number;
  @ApiProperty({ type: 'integer' }) FAILED: number;
}

/** SENT messages by the provider's latest report; messages without a report are not counted. */
export class DeliveryStatusCountsDto {
  @ApiProperty({ type: 'integer' }) DELIVERED: number;
  @ApiProperty({ type: 'integer' }) READ: number;
  @ApiProperty({ type: 'integer' }) UNDELIVERED: number;
  @ApiProperty({ type: 'integer' }) FAILED: number;
}

export class DayCountsDto extends StatusCountsDto {
  @ApiProperty({ example: '2026-11-21', description: 'A day in `tz`' }) date: string;
  @ApiProperty({ type: 'integer' }) total: number;
}

/** Message counts over a period, within the caller's reach. */
export class MessageStatsDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the period (inclusive)' })
  from: string;
  @ApiProperty({ format: 'date-time', description: 'End of the period (exclusive)' }) to: string;
  @ApiProperty({ example: 'UTC' }) tz: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) centreId: string | null;
  @ApiProperty({ type: 'integer', description: 'Messages created in the period' }) total: number;
  @ApiProperty({ type: ChannelCountsDto }) byChannel: ChannelCountsDto;
  @ApiProperty({ type: StatusCountsDto }) byStatus: StatusCountsDto;
  @ApiProperty({ type: DeliveryStatusCountsDto }) byDeliveryStatus: DeliveryStatusCountsDto;
  @ApiProperty({
    type: [DayCountsDto],
    description: 'Every day of the period in `tz`, oldest first, zeros included',
  })
  byDay: DayCountsDto[];
}
