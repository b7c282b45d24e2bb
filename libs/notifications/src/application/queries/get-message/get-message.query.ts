import type { Actor } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { MessageDto } from '../../dto/message-history.dto';

/** One message of the log; NOT_FOUND when unknown or outside the actor's reach (MessageScope). */
export class GetMessage extends Query<MessageDto> {
  constructor(
    readonly actor: Actor,
    readonly messageId: string,
  ) {
    super();
  }
}
