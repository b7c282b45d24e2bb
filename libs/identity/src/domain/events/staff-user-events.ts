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
