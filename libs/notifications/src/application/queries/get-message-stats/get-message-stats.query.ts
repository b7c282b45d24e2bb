import type { Actor } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { MessageStatsDto } from '../../dto/message-stats.dto';

export interface MessageStatsFilter {
  /** Created at or after: an instant, or a date in `tz`; default 7 days before `to`. */
  from?: string;
  /** Created before: an instant, or a date in `tz` included whole; default now. */
  to?: string;
  /** IANA zone of the days; default UTC. */
  tz?: string;
  centreId?: string;
}

/**
 * Message counts by channel, status, delivery report and day over a period (at most 366 days),
 * within the actor's reach (MessageScope; patients may not ask).
 */
export class GetMessageStats extends Query<MessageStatsDto> {
  constructor(
    readonly actor: Actor,
    readonly filter: MessageStatsFilter,
  ) {
    super();
  }
}
