import { OtpChallenge, OtpPurpose } from './otp-challenge';

/** Port: one-time codes. Runs inside the caller's transaction. */
export abstract class OtpChallengeRepository {
  /** Serialises sends and checks for one phone and purpose until the transaction ends. */
  abstract lock(phone: string, purpose: OtpPurpose): Promise<void>;
  /** Creation times of the codes sent since `since`, oldest first. */
  abstract sentSince(phone: string, purpose: OtpPurpose, since: Date): Promise<Date[]>;
  /** Voids every live code of this phone and purpose (a new send replaces them). */
  abstract supersedeLive(phone: string, purpose: OtpPurpose, now: Date): Promise<void>;
  abstract add(challenge: OtpChallenge): Promise<void>;
  /** The newest code of this phone and purpose that a newer one has not voided. */
  abstract findCurrent(phone: string, purpose: OtpPurpose): Promise<OtpChallenge | undefined>;
  abstract update(challenge: OtpChallenge): Promise<void>;
}
