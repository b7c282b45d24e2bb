import { normalisePhone } from '@carebook/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { CHANNELS, MESSAGE_STATUSES } from '../../domain/channel';
import type { Channel, MessageStatus } from '../../domain/channel';
import { Recipient } from '../../domain/recipient';

const IsRecipient = () =>
  ValidateBy({
    name: 'isRecipient',
    validator: {
      validate: (value) => Recipient.isValid(value),
      defaultMessage: () => 'to must be an E.164 phone number (+918041234567) or an e-mail address',
    },
  });

/** `GET /dev/messages?to=&limit=`. */
export class ListCapturedMessagesQueryDto {
  @ApiPropertyOptional({
    example: '+919812345678',
    description:
      'Only messages to exactly this recipient: an E.164 phone (other common notations are read as one) or an e-mail address',
  })
  @IsOptional()
  // Any common phone notation finds the E.164 recipient; an unencoded `+` in a query string
  // (`?to=+9198...` typed by hand) arrives as a space and still means the phone.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? (normalisePhone(value.replace(/^ (?=[1-9])/, '+')) ?? value.trim())
      : value,
  )
  @IsRecipient()
  to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

/** A message the `log` channel captured, with its full text (development only). */
export class CapturedMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '+919812345678', description: 'E.164 phone or e-mail address' })
  to: string;
  @ApiProperty({ enum: CHANNELS, enumName: 'NotificationChannel', example: 'LOG' })
  channel: Channel;
  @ApiProperty({ example: 'otp' }) template: string;
  @ApiProperty({ type: String, nullable: true }) subject: string | null;
  @ApiProperty({ example: 'Your carebook code is 482913. It expires in 5 minutes.' }) body: string;
  @ApiProperty({ enum: MESSAGE_STATUSES, enumName: 'MessageStatus', example: 'SENT' })
  status: MessageStatus;
  @ApiProperty({ type: 'integer', example: 1, description: 'Delivery attempts made' })
  attempts: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
}

export class CapturedMessageListDto {
  @ApiProperty({ type: [CapturedMessageDto], description: 'Newest first' })
  items: CapturedMessageDto[];
}
