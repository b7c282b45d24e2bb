import { GetChannelStatus } from '@carebook/notifications';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';

/** Says at start-up, in one line, which channels really deliver and which go to the log. */
@Injectable()
export class ChannelStatusReporter implements OnApplicationBootstrap {
  private readonly logger = new Logger('Notifications');

  constructor(private readonly queries: QueryBus) {}

  async onApplicationBootstrap(): Promise<void> {
    const { live, fallingBack } = await this.queries.execute(new GetChannelStatus());
    const fallback = fallingBack.length
      ? `; ${listOf(fallingBack)} messages go to the log channel because no SMS/e-mail provider is configured for them`
      : '';
    this.logger.log(`live message channels: ${listOf(live)}${fallback}`);
  }
}

function listOf(items: string[]): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
    : items.join('');
}
