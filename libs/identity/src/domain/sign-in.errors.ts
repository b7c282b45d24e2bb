import { DomainError, registerErrorStatus } from '@carebook/core';

registerErrorStatus({ OTP_INVALID: 401, OTP_LOCKED: 423, TOKEN_REUSED: 401, REFRESH_TOKEN_INVALID: 401 });

/** Wrong, expired, used or unknown one-time code (the answer never says which). */
export class OtpInvalidError extends DomainError {
  readonly code = 'OTP_INVALID';
  constructor() {
    super('The code is not valid. Check it, or ask for a new one.');
  }
}

/** Five wrong codes locked this code; only a new one (send-otp) can sign in. */
export class OtpLockedError extends DomainError {
  readonly code = 'OTP_LOCKED';
  constructor() {
    super('Too many wrong codes: this code is locked. Ask for a new one.');
  }
}

/** A refresh token was presented a second time: its whole session was revoked. */
export class TokenReusedError extends DomainError {
  readonly code = 'TOKEN_REUSED';
  constructor() {
    super('This refresh token was already used; the session has been signed out for safety.');
  }
}

/** Unknown, expired or revoked refresh token. */
export class RefreshTokenInvalidError extends DomainError {
  readonly code = 'REFRESH_TOKEN_INVALID';
  constructor() {
    super('The refresh token is not valid. Sign in again.');
  }
}
