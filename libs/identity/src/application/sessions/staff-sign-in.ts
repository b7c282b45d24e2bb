import { AuditLog, Clock, InvalidCredentialsError, maskPhone, UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import type { StaffUser } from '../../domain/staff-user';
import type { LoginResultDto } from '../dto/login.dto';
import { PasswordHasher } from '../ports/password-hasher';
import { SignInFailures } from '../ports/sign-in-failures';
import { staffUserStateToDto } from '../staff-user-view';
import { SessionTokens } from './session-tokens';

export type SignInMethod = 'username-password' | 'phone-password' | 'phone-otp';

/** What every staff sign-in method shares: the failure cap, the audit trail and the session. */
@Injectable()
export class StaffSignIn {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly failures: SignInFailures,
    private readonly sessions: SessionTokens,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Every failure (unknown user, no password, wrong password, deactivated) costs one hash check
   * and answers the same INVALID_CREDENTIALS, so neither answer nor timing reveals accounts.
   */
  async withPassword(
    method: SignInMethod,
    subject: string,
    user: StaffUser | undefined,
    password: string,
  ): Promise<LoginResultDto> {
    await this.failures.assertBelowCap(subject, this.clock.now());
    const matches = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !matches || !user.canSignIn) return this.fail(method, subject);
    return this.open(user, method);
  }

  /** Records a failed attempt (outside any transaction) and throws INVALID_CREDENTIALS. */
  async fail(method: SignInMethod, subject: string): Promise<never> {
    await this.failures.record(subject, this.clock.now());
    await this.audit.recordNow({
      action: 'auth.login.failed',
      actor: null,
      metadata: { method, account: maskSubject(subject) },
    });
    throw new InvalidCredentialsError();
  }

  /** Opens a session for a user whose credentials were accepted. */
  open(user: StaffUser, method: SignInMethod): Promise<LoginResultDto> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      const tokens = await this.sessions.start(
        { type: 'staff', id: user.id, role: user.role, centreIds: user.centreIds },
        now,
      );
      const actor = {
        kind: 'staff' as const,
        id: user.id,
        role: user.role,
        centreIds: user.centreIds,
      };
      await this.audit.record({
        action: 'auth.login.succeeded',
        actor,
        targetType: 'staff_user',
        targetId: user.id,
        metadata: { method },
      });
      return { ...tokens, user: staffUserStateToDto(user.snapshot()) };
    });
  }
}

/** `phone:+919876543210` → `phone:+91******3210`; usernames keep their first two characters. */
export function maskSubject(subject: string): string {
  const [kind, value = ''] = subject.split(/:(.*)/s);
  if (kind === 'phone') return `phone:${maskPhone(value)}`;
  return `${kind}:${value.slice(0, 2)}${'*'.repeat(Math.max(0, Math.min(value.length - 2, 8)))}`;
}
