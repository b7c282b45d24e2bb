import { ApiProperty } from '@nestjs/swagger';
import { AppointmentDto } from './appointment.dto';

export class BoardAppointmentDto extends AppointmentDto {
  @ApiProperty({ type: String, nullable: true }) patientName: string | null;
}

export class FrontDeskCountsDto {
  @ApiProperty({ description: 'Appointments of the day that stand (every status but CANCELLED)' })
  booked: number;
  @ApiProperty({ description: 'PENDING or CONFIRMED: not arrived yet' }) upcoming: number;
  @ApiProperty({ description: 'CHECKED_IN: in the waiting room' }) waiting: number;
  @ApiProperty({ description: 'IN_PROGRESS' }) inProgress: number;
  @ApiProperty() completed: number;
  @ApiProperty() cancelled: number;
  @ApiProperty() noShow: number;
}

/** The front desk's day at one centre. */
export class FrontDeskStatsDto {
  @ApiProperty({ format: 'uuid' }) centreId: string;
  @ApiProperty({ example: '2026-03-02', description: 'Local date at the centre' }) date: string;
  @ApiProperty({ example: 'Asia/Kolkata' }) timeZone: string;
  @ApiProperty({ type: FrontDeskCountsDto }) counts: FrontDeskCountsDto;
  @ApiProperty({ type: [BoardAppointmentDto], description: "The day's appointments by start time" })
  items: BoardAppointmentDto[];
}

export class QueueEntryDto {
  @ApiProperty({ example: 1 }) position: number;
  @ApiProperty({ format: 'uuid' }) appointmentId: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ type: String, nullable: true }) patientName: string | null;
  @ApiProperty({ format: 'uuid' }) clinicianId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) checkedInAt: string;
}

/** Checked-in patients of a centre in check-in order. */
export class FrontDeskQueueDto {
  @ApiProperty({ format: 'uuid' }) centreId: string;
  @ApiProperty({ type: [QueueEntryDto] }) items: QueueEntryDto[];
}
