import { PageDto } from '@carebook/core';
import { ApiProperty } from '@nestjs/swagger';
import {
  APPOINTMENT_STATUSES,
  AppointmentStatus,
  BOOKING_SOURCES,
  BookingSource,
  CANCELLERS,
  CancelledBy,
  PAYMENT_STATUSES,
  PaymentStatus,
  SESSION_TYPES,
  SessionType,
} from '../../domain/appointment-status';

export class MoneyDto {
  @ApiProperty({ example: 80000, description: 'Minor units (paise, cents)' }) amount: number;
  @ApiProperty({ example: 'INR' }) currency: string;
}

/** An appointment as patients and staff see it. Times are ISO-8601 UTC. */
export class AppointmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ format: 'uuid' }) clinicianId: string;
  @ApiProperty({ format: 'uuid' }) centreId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: SESSION_TYPES }) sessionType: SessionType;
  @ApiProperty({
    enum: APPOINTMENT_STATUSES,
    description:
      'PENDING -> CONFIRMED -> CHECKED_IN -> IN_PROGRESS -> COMPLETED, or CANCELLED / NO_SHOW',
  })
  status: AppointmentStatus;
  @ApiProperty({ enum: PAYMENT_STATUSES }) paymentStatus: PaymentStatus;
  @ApiProperty({ type: MoneyDto }) fee: MoneyDto;
  @ApiProperty({ type: String, nullable: true }) meetLink: string | null;
  @ApiProperty({ enum: BOOKING_SOURCES }) source: BookingSource;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'PENDING only: when the unpaid hold expires and the slot is freed',
  })
  holdExpiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ enum: CANCELLERS, nullable: true }) cancelledBy: CancelledBy | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AppointmentPageDto extends PageDto {
  @ApiProperty({ type: [AppointmentDto] }) items: AppointmentDto[];
}
