import { DomainEvent, DomainEventName } from '@carebook/core';
import type { Role } from '@carebook/core';

/**
 * A staff user was registered. Carries no contact details on purpose: outbox rows outlive
 * the user's data, so consumers that need a phone or email ask `GetStaffUser`.
 */
@DomainEventName('identity.StaffUserCreated')
export class StaffUserCreated extends DomainEvent {
  constructor(
    userId: string,
    readonly role: Role,
    readonly centreIds: string[],
    at: Date,
  ) {
    super(userId, at);
  }
}

/**
 * A staff user's profile details changed; `changed` names the fields (`fullName`, `phone`,
 * `email`, `username`), never their values.
 */
@DomainEventName('identity.StaffUserUpdated')
export class StaffUserUpdated extends DomainEvent {
  constructor(
    userId: string,
    readonly changed: string[],
    at: Date,
  ) {
    super(userId, at);
  }
}

/**
 * A staff user's role or centres changed, so what they may see changed: tokens issued before
 * `occurredAt` carry the old claims.
 */
@DomainEventName('identity.StaffUserRoleChanged')
export class StaffUserRoleChanged extends DomainEvent {
  constructor(
    userId: string,
    readonly previousRole: Role,
    readonly role: Role,
    readonly previousCentreIds: string[],
    readonly centreIds: string[],
    at: Date,
  ) {
    super(userId, at);
  }
}

/** A staff user's password was set or changed (sessions opened with the old one may be revoked). */
@DomainEventName('identity.StaffUserPasswordChanged')
export class StaffUserPasswordChanged extends DomainEvent {
  constructor(userId: string, at: Date) {
    super(userId, at);
  }
}

/** A deactivated staff user may sign in again. */
@DomainEventName('identity.StaffUserActivated')
export class StaffUserActivated extends DomainEvent {
  constructor(userId: string, at: Date) {
    super(userId, at);
  }
}

/** A staff user may no longer sign in; their open sessions should end. */
@DomainEventName('identity.StaffUserDeactivated')
export class StaffUserDeactivated extends DomainEvent {
  constructor(userId: string, at: Date) {
    super(userId, at);
  }
}

/** A staff user was removed (soft delete: the row stays for history, phone and username are freed). */
@DomainEventName('identity.StaffUserDeleted')
export class StaffUserDeleted extends DomainEvent {
  constructor(userId: string, at: Date) {
    super(userId, at);
  }
}
