import { Query } from '@nestjs/cqrs';
import type { CapturedMessageListDto } from '../../dto/captured-message.dto';

/**
 * Messages the `log` channel captured (SENT on LOG), newest first, with their full text.
 * Development only: answers NOT_FOUND unless DEV_MESSAGES=1 (refused in production).
 */
export class ListCapturedMessages extends Query<CapturedMessageListDto> {
  constructor(readonly filter: { to?: string; limit: number }) {
    super();
  }
}
