import { DomainEvent, DomainEventName } from '@carebook/core';

/** A centre opened in the network. */
@DomainEventName('centres.CentreCreated')
export class CentreCreated extends DomainEvent {
  constructor(
    centreId: string,
    readonly name: string,
    readonly city: string,
    readonly timeZone: string,
    readonly location: { lat: number; lng: number },
    at: Date,
  ) {
    super(centreId, at);
  }
}

/** A centre's details changed; `changed` names the fields. */
@DomainEventName('centres.CentreUpdated')
export class CentreUpdated extends DomainEvent {
  constructor(
    centreId: string,
    readonly changed: string[],
    at: Date,
  ) {
    super(centreId, at);
  }
}

/** A centre was switched on or off for booking and search. */
@DomainEventName('centres.CentreActivationChanged')
export class CentreActivationChanged extends DomainEvent {
  constructor(
    centreId: string,
    readonly isActive: boolean,
    at: Date,
  ) {
    super(centreId, at);
  }
}

/** A centre was removed (soft delete: its history stays). */
@DomainEventName('centres.CentreDeleted')
export class CentreDeleted extends DomainEvent {
  constructor(centreId: string, at: Date) {
    super(centreId, at);
  }
}
