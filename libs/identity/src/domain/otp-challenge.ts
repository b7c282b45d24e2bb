import { newId } from '@carebook/core';

/** What a code signs in to: a code sent for staff sign-in cannot sign a patient in. */
export type OtpPurpose = 'STAFF_LOGIN' | 'PATIENT_LOGIN';

export const OTP_RULES = {
  ttlMs: 5 * 60_000,
  maxFailures: 5,
  sendsPerWindow: 3,
  sendWindowMs: 15 * 60_000,
} as const;

export type OtpVerdict = 'ACCEPTED' | 'WRONG' | 'LOCKED' | 'INVALID';

export interface OtpChallengeState {
  id: string;
  purpose: OtpPurpose;
  phone: string;
  codeHash: string;
  expiresAt: Date;
  failedAttempts: number;
  consumedAt: Date | null;
  lockedAt: Date | null;
  supersededAt: Date | null;
  createdAt: Date;
}

/**
 * One code sent to one phone for one purpose: valid 5 minutes, single use, locked by the fifth
 * wrong guess, voided by a newer code. Only the code's hash is ever stored.
 */
export class OtpChallenge {
  private constructor(private state: OtpChallengeState) {}

  static issue(phone: string, purpose: OtpPurpose, hashFor: (id: string) => string, now: Date): OtpChallenge {
    const id = newId();
    return new OtpChallenge({
      id,
      purpose,
      phone,
      codeHash: hashFor(id),
      expiresAt: new Date(now.getTime() + OTP_RULES.ttlMs),
      failedAttempts: 0,
      consumedAt: null,
      lockedAt: null,
      supersededAt: null,
      createdAt: now,
    });
  }

  static restore(state: OtpChallengeState): OtpChallenge {
    return new OtpChallenge({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get codeHash(): string {
    return this.state.codeHash;
  }

  /** Judges one attempt and updates the state (consumed, counted, or locked). */
  attempt(codeMatches: boolean, now: Date): OtpVerdict {
    const s = this.state;
    if (s.lockedAt) return 'LOCKED';
    if (s.consumedAt || s.supersededAt || now >= s.expiresAt) return 'INVALID';
    if (codeMatches) {
      this.state = { ...s, consumedAt: now };
      return 'ACCEPTED';
    }
    const failedAttempts = s.failedAttempts + 1;
    const locked = failedAttempts >= OTP_RULES.maxFailures;
    this.state = { ...s, failedAttempts, lockedAt: locked ? now : null };
    return locked ? 'LOCKED' : 'WRONG';
  }

  snapshot(): Readonly<OtpChallengeState> {
    return { ...this.state };
  }
}
