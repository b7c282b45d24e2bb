import { ConflictError, registerErrorStatus } from '@carebook/core';

registerErrorStatus({ USERNAME_TAKEN: 409, PHONE_TAKEN: 409 });

/** Another (non-deleted) staff user already signs in with this username. */
export class UsernameTakenError extends ConflictError {
  override readonly code = 'USERNAME_TAKEN';
  constructor() {
    super('Another staff user already has this username.');
  }
}

/** Another (non-deleted) staff user already has this phone number. */
export class PhoneTakenError extends ConflictError {
  override readonly code = 'PHONE_TAKEN';
  constructor() {
    super('Another staff user already has this phone number.');
  }
}
