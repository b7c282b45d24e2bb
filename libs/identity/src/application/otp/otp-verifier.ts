import { AuditLog, Clock, maskPhone } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { OtpPurpose, OtpVerdict } from '../../domain/otp-challenge';
import { OtpChallengeRepository } from '../../domain/otp-challenge.repository';
import { OtpInvalidError, OtpLockedError } from '../../domain/sign-in.errors';
import { SignInFailures } from '../ports/sign-in-failures';
import { OtpCodes } from './otp-codes';

/**
 * Judges a code against the phone's current challenge inside the caller's transaction, which
 * must commit the verdict (a counted failure or a lock) even when sign-in then fails.
 */
@Injectable()
export class OtpVerifier {
  constructor(
    private readonly challenges: OtpChallengeRepository,
    private readonly codes: OtpCodes,
    private readonly failures: SignInFailures,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Throws RATE_LIMITED once the phone reached its hourly cap of failed sign-ins. */
  assertBelowCap(phone: string): Promise<void> {
    return this.failures.assertBelowCap(`phone:${phone}`, this.clock.now());
  }

  /** After the verdict's transaction committed: counts the failure, audits it, throws. */
  async reject(
    verdict: Exclude<OtpVerdict, 'ACCEPTED'>,
    phone: string,
    purpose: OtpPurpose,
  ): Promise<never> {
    await this.failures.record(`phone:${phone}`, this.clock.now());
    const action = verdict === 'LOCKED' ? 'auth.otp.locked' : 'auth.login.failed';
    await this.audit.recordNow({
      action,
      actor: null,
      metadata: { method: 'phone-otp', purpose, phone: maskPhone(phone) },
    });
    throw verdict === 'LOCKED' ? new OtpLockedError() : new OtpInvalidError();
  }

  async check(phone: string, purpose: OtpPurpose, code: string, now: Date): Promise<OtpVerdict> {
    await this.challenges.lock(phone, purpose);
    const challenge = await this.challenges.findCurrent(phone, purpose);
    if (!challenge) return 'INVALID';
    const verdict = challenge.attempt(
      this.codes.matches(challenge.id, code, challenge.codeHash),
      now,
    );
    await this.challenges.update(challenge);
    return verdict;
  }
}
