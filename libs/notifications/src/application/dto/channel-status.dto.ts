import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS } from '../../domain/channel';
import type { Channel } from '../../domain/channel';

/** Which channels deliver for real in this process, and which fall back to LOG. */
export class ChannelStatusDto {
  @ApiProperty({ enum: CHANNELS, enumName: 'NotificationChannel', isArray: true })
  live: Channel[];

  @ApiProperty({
    enum: CHANNELS,
    enumName: 'NotificationChannel',
    isArray: true,
    description: 'Channels without a configured provider: their messages go to LOG',
  })
  fallingBack: Channel[];
}
