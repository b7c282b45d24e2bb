/** A field-level problem, as listed in a 400 problem's `errors`. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Base of every error a handler or aggregate throws on purpose. `code` is stable and
 * machine-readable; `ERROR_STATUS` maps it to HTTP (and later to WebSocket acks and jobs).
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** A retry cannot succeed: jobs fail at once instead of backing off. */
  readonly retryable: boolean = false;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly errors: FieldError[],
    message = 'The request has invalid fields.',
  ) {
    super(message);
  }
}

export class MalformedRequestError extends DomainError {
  readonly code = 'MALFORMED_REQUEST';
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(what = 'The resource') {
    super(`${what} was not found.`);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'A valid access token is required.') {
    super(message);
  }
}

export class InvalidCredentialsError extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';
  constructor() {
    super('The credentials are not valid.');
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You may not perform this action.') {
    super(message);
  }
}

export class ConflictError extends DomainError {
  readonly code: string = 'CONFLICT';
}

export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests. Try again in ${retryAfterSeconds} seconds.`);
  }
}

export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';
  override readonly retryable = true;
}
