import { IsPhone } from '@carebook/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  APPOINTMENT_STATUSES,
  AppointmentStatus,
  BookingSource,
  SESSION_TYPES,
  SessionType,
} from '../../domain/appointment-status';
import { IsInstant } from './booking-validators';

const HAS_TEXT = /\S/;
const STARTS_AT = {
  example: '2026-03-02T10:30:00+05:30',
  format: 'date-time',
  description: 'A free slot start (see the slots routes); any offset',
};
const DESK_SOURCES: BookingSource[] = ['FRONT_DESK', 'PHONE', 'WALK_IN'];

class BookingDetails {
  @ApiPropertyOptional({ maxLength: 2000, example: 'Follow-up for blood pressure' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

/** `POST /booking/create`: a patient books a slot online (PENDING, held 15 minutes until paid). */
export class BookAppointmentDto extends BookingDetails {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clinicianId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Where, when the clinician practises at several centres',
  })
  @IsOptional()
  @IsUUID()
  centreId?: string;

  @ApiProperty(STARTS_AT)
  @IsInstant()
  startsAt: string;

  @ApiProperty({ enum: SESSION_TYPES })
  @IsIn(SESSION_TYPES)
  sessionType: SessionType;
}

export class NewPatientDto {
  @ApiProperty({ example: 'Ravi Kumar', maxLength: 200 })
  @IsString()
  @Matches(HAS_TEXT, { message: 'fullName must not be blank' })
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: '+919876543210', description: 'Stored as E.164' })
  @IsPhone()
  phone: string;
}

/** `POST /booking/front-desk`: CONFIRMED at once; `patientId` or a new `patient`, not both. */
export class FrontDeskBookingDto extends BookingDetails {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing patient (or give `patient`)' })
  @ValidateIf(
    (dto: FrontDeskBookingDto) => dto.patient === undefined || dto.patientId !== undefined,
  )
  @IsUUID(undefined, { message: 'give patientId or patient (a new patient), not both' })
  patientId?: string;

  @ApiPropertyOptional({
    type: NewPatientDto,
    description: 'A new patient, registered in the same transaction',
  })
  @ValidateIf(
    (dto: FrontDeskBookingDto) => dto.patientId === undefined || dto.patient !== undefined,
  )
  @IsDefined({ message: 'give patientId or patient (a new patient), not both' })
  @IsObject()
  @ValidateNested()
  @Type(() => NewPatientDto)
  patient?: NewPatientDto;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clinicianId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  centreId: string;

  @ApiProperty(STARTS_AT)
  @IsInstant()
  startsAt: string;

  @ApiProperty({ enum: SESSION_TYPES })
  @IsIn(SESSION_TYPES)
  sessionType: SessionType;

  @ApiProperty({ enum: DESK_SOURCES, example: 'WALK_IN' })
  @IsIn(DESK_SOURCES)
  source: BookingSource;
}

/** `POST /appointments`: staff book for an existing patient (CONFIRMED at once). */
export class StaffBookingDto extends BookingDetails {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  patientId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clinicianId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  centreId: string;

  @ApiProperty(STARTS_AT)
  @IsInstant()
  startsAt: string;

  @ApiProperty({ enum: SESSION_TYPES })
  @IsIn(SESSION_TYPES)
  sessionType: SessionType;

  @ApiPropertyOptional({ enum: DESK_SOURCES, default: 'FRONT_DESK' })
  @IsOptional()
  @IsIn(DESK_SOURCES)
  source?: BookingSource;
}

/** `PUT /appointments/:id`: fields omitted keep their value; `startsAt` moves it. */
export class UpdateAppointmentDto extends BookingDetails {
  @ApiPropertyOptional(STARTS_AT)
  @IsOptional()
  @IsInstant()
  startsAt?: string;
}

export class RescheduleAppointmentDto {
  @ApiProperty(STARTS_AT)
  @IsInstant()
  startsAt: string;
}

export class CancelAppointmentDto {
  @ApiPropertyOptional({ maxLength: 500, example: 'Travelling that day' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ChangeAppointmentStatusDto {
  @ApiProperty({
    enum: APPOINTMENT_STATUSES,
    description:
      'Legal transitions only (else 409 ILLEGAL_TRANSITION): PENDING -> CONFIRMED (marks it paid) | CANCELLED; ' +
      'CONFIRMED -> CHECKED_IN | CANCELLED | NO_SHOW (after the start); CHECKED_IN -> IN_PROGRESS | CANCELLED; ' +
      'IN_PROGRESS -> COMPLETED',
  })
  @IsIn(APPOINTMENT_STATUSES)
  status: AppointmentStatus;
}
