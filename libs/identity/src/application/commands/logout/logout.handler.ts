import { AuditLog, Clock } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SessionTokens } from '../../sessions/session-tokens';
import { Logout } from './logout.command';

@CommandHandler(Logout)
export class LogoutHandler implements ICommandHandler<Logout> {
  constructor(
    private readonly sessions: SessionTokens,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute({ refreshToken }: Logout): Promise<void> {
    const ended = await this.sessions.end(refreshToken, this.clock.now());
    if (ended)
      await this.audit.record({
        action: 'auth.logout',
        targetType: 'session',
        targetId: ended.sessionId,
      });
  }
}
