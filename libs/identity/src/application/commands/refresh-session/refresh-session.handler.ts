import { Clock } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StaffUserRepository } from '../../../domain/staff-user.repository';
import type { TokenPairDto } from '../../dto/sign-in.dto';
import type { SessionPrincipal } from '../../ports/session-store';
import { SessionTokens } from '../../sessions/session-tokens';
import { RefreshSession } from './refresh-session.command';

@CommandHandler(RefreshSession)
export class RefreshSessionHandler implements ICommandHandler<RefreshSession> {
  constructor(
    private readonly sessions: SessionTokens,
    private readonly users: StaffUserRepository,
    private readonly clock: Clock,
  ) {}

  execute({ refreshToken, principalType }: RefreshSession): Promise<TokenPairDto> {
    return this.sessions.rotate(refreshToken, principalType, this.clock.now(), (id) =>
      this.current(principalType, id),
    );
  }

  /** The principal as it is now: a staff user's current role and centres, if they may still sign in. */
  private async current(
    type: 'staff' | 'patient',
    id: string,
  ): Promise<SessionPrincipal | undefined> {
    if (type === 'patient') return { type, id };
    const user = await this.users.findById(id);
    return user?.canSignIn ? { type, id, role: user.role, centreIds: user.centreIds } : undefined;
  }
}
