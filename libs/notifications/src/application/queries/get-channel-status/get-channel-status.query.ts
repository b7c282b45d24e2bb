import { Query } from '@nestjs/cqrs';
import type { ChannelStatusDto } from '../../dto/channel-status.dto';

/** Which channels have a configured provider in this process; the others fall back to LOG. */
export class GetChannelStatus extends Query<ChannelStatusDto> {}
