import { ApiProperty } from '@nestjs/swagger';
import { SESSION_TYPES, SessionType } from '../../domain/appointment-status';

export class FreeSlotDto {
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ format: 'uuid' }) centreId: string;
  @ApiProperty({ enum: SESSION_TYPES }) sessionType: SessionType;
}

/** Free slots in time order, respecting rules, time off, bookings and live holds, buffers, notice and horizon. */
export class FreeSlotsDto {
  @ApiProperty({ format: 'uuid' }) clinicianId: string;
  @ApiProperty({ type: [FreeSlotDto] }) items: FreeSlotDto[];
}
