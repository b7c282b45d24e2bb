import { PageDto, PageQueryDto } from '@carebook/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { CHANNELS, DELIVERY_STATUSES, MESSAGE_STATUSES } from '../../domain/channel';
import type { Channel, DeliveryStatus, MessageStatus } from '../../domain/channel';
import {
  IsInstantOrDate,
  IsRecipientAddress,
  NormaliseRecipient,
} from './message-query-validators';

const PERIOD_DOC =
  'An ISO-8601 date-time with Z or an offset, or a date YYYY-MM-DD (a UTC day; as `to` the whole day is included).';

/** `GET /notifications/history`: filters (all optional, combined with AND) and paging. */
export class ListMessageHistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CHANNELS, enumName: 'NotificationChannel' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ enum: MESSAGE_STATUSES, enumName: 'MessageStatus' })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES)
  status?: MessageStatus;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  deliveryStatus?: DeliveryStatus;

  @ApiPropertyOptional({ example: 'appointment-reminder', description: 'The kind of message' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9._-]{0,63}$/, {
    message: 'template must be a lower-case name such as otp',
  })
  template?: string;

  @ApiPropertyOptional({
    example: '+919812345678',
    description:
      'Exactly this recipient: an E.164 phone (other common notations are read as one) or an e-mail address',
  })
  @IsOptional()
  @NormaliseRecipient()
  @IsRecipientAddress()
  recipient?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  patientId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  appointmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  centreId?: string;

  @ApiPropertyOptional({ description: `Created at or after. ${PERIOD_DOC}` })
  @IsOptional()
  @IsInstantOrDate()
  from?: string;

  @ApiPropertyOptional({ description: `Created before. ${PERIOD_DOC}` })
  @IsOptional()
  @IsInstantOrDate()
  to?: string;
}

/** One message of the log as staff (or its patient) see it. A sensitive body is never shown. */
export class MessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '+919812345678', description: 'E.164 phone or e-mail address' })
  to: string;
  @ApiProperty({ enum: CHANNELS, enumName: 'NotificationChannel', example: 'SMS' })
  channel: Channel;
  @ApiProperty({ example: 'appointment-reminder' }) template: string;
  @ApiProperty({ type: String, nullable: true, description: 'E-mail subject' })
  subject: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The text sent; null when `sensitive` (a one-time code is never shown to anyone)',
  })
  body: string | null;
  @ApiProperty({ description: 'The body is a secret (an OTP): it is never returned' })
  sensitive: boolean;
  @ApiProperty({ enum: MESSAGE_STATUSES, enumName: 'MessageStatus', example: 'SENT' })
  status: MessageStatus;
  @ApiProperty({ type: 'integer', example: 1, description: 'Delivery attempts made' })
  attempts: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'SM0123456789abcdef0123456789abcdef',
    description: "The provider's message id",
  })
  providerMessageId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed' })
  lastError: string | null;
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    enumName: 'DeliveryStatus',
    nullable: true,
    description: "The provider's latest delivery report (Twilio status callbacks), if any",
  })
  deliveryStatus: DeliveryStatus | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '30003',
    description: "The provider's error code",
  })
  deliveryErrorCode: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveryUpdatedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The centre it concerns',
  })
  centreId: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The patient it concerns',
  })
  patientId: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The appointment it concerns',
  })
  appointmentId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a channel accepted it',
  })
  sentAt: string | null;
}

export class MessagePageDto extends PageDto {
  @ApiProperty({ type: [MessageDto], description: 'Newest first' })
  items: MessageDto[];
}
