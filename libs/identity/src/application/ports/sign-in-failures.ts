/**
 * Counts failed sign-ins per account (a phone or a username) so that one account takes at most
 * `FAILED_SIGN_INS_PER_HOUR` wrong guesses an hour, whatever the IP. Writes outside the caller's
 * transaction: a failure is remembered even though the attempt rolls back.
 */
export abstract class SignInFailures {
  /** Throws RATE_LIMITED (with Retry-After) once the account reached the hourly cap. */
  abstract assertBelowCap(subject: string, now: Date): Promise<void>;
  abstract record(subject: string, now: Date): Promise<void>;
}

export const FAILED_SIGN_INS_PER_HOUR = 100;
