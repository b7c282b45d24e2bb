import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CHANNELS } from '../../../domain/channel';
import type { ChannelStatusDto } from '../../dto/channel-status.dto';
import { MessageChannels } from '../../ports/message-channel';
import { GetChannelStatus } from './get-channel-status.query';

@QueryHandler(GetChannelStatus)
export class GetChannelStatusHandler implements IQueryHandler<GetChannelStatus> {
  constructor(private readonly channels: MessageChannels) {}

  async execute(): Promise<ChannelStatusDto> {
    const live = this.channels.live();
    return { live, fallingBack: CHANNELS.filter((c) => !live.includes(c)) };
  }
}
