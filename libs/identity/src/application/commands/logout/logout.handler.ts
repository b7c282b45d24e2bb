import { Actor, AuditLog, Clock } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StaffUserRepository } from '../../../domain/staff-user.repository';
import { SessionTokens } from '../../sessions/session-tokens';
import { Logout } from './logout.command';

@CommandHandler(Logout)
export class LogoutHandler implements ICommandHandler<Logout> {
  constructor(
    private readonly sessions: SessionTokens,
    private readonly users: StaffUserRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute({ refreshToken }: Logout): Promise<void> {
    const ended = await this.sessions.end(refreshToken, this.clock.now());
    if (!ended) return;
    // Logout needs no access token (it may have expired): the session says who signed out.
    const actor = await this.actorOf(ended.principalType, ended.principalId);
    await this.audit.record({ action: 'auth.logout', actor, targetType: 'session', targetId: ended.sessionId });
  }

  private async actorOf(type: 'staff' | 'patient', id: string): Promise<Actor | null> {
    if (type === 'patient') return { kind: 'patient', id };
    const user = await this.users.findById(id);
    return user ? { kind: 'staff', id, role: user.role, centreIds: user.centreIds } : null;
  }
}
