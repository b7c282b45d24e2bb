import { DomainEvent, DomainEventName } from '@carebook/core';

/**
 * A clinician joined the network. `city` is the primary centre's city when it was known at
 * creation (realtime uses it for `clinician:new`), else null; `primaryCentreId` always names it.
 */
@DomainEventName('clinicians.ClinicianCreated')
export class ClinicianCreated extends DomainEvent {
  constructor(
    clinicianId: string,
    readonly userId: string,
    readonly primaryCentreId: string,
    readonly centreIds: string[],
    readonly city: string | null,
    at: Date,
  ) {
    super(clinicianId, at);
  }
}

/**
 * A clinician's profile, settings or centres changed; `changed` names the fields
 * (`specializations`, `consultationFee`, `settings.horizonDays`, `centreIds`, ...), not values.
 */
@DomainEventName('clinicians.ClinicianUpdated')
export class ClinicianUpdated extends DomainEvent {
  constructor(
    clinicianId: string,
    readonly changed: string[],
    at: Date,
  ) {
    super(clinicianId, at);
  }
}

/** The weekly rules were replaced; free slots change. `rules` are the new rules, `HH:mm` local. */
@DomainEventName('clinicians.AvailabilityChanged')
export class AvailabilityChanged extends DomainEvent {
  constructor(
    clinicianId: string,
    readonly rules: Array<{
      dayOfWeek: number;
      startTime: string;
      endTime: string;
      centreId: string;
      sessionType: string;
    }>,
    at: Date,
  ) {
    super(clinicianId, at);
  }
}

/** The clinician takes no appointments in `[startsAt, endsAt)` (ISO UTC). */
@DomainEventName('clinicians.TimeOffAdded')
export class TimeOffAdded extends DomainEvent {
  constructor(
    clinicianId: string,
    readonly timeOffId: string,
    readonly startsAt: string,
    readonly endsAt: string,
    at: Date,
  ) {
    super(clinicianId, at);
  }
}

/** A stretch of time off was cancelled: that time is bookable again. */
@DomainEventName('clinicians.TimeOffRemoved')
export class TimeOffRemoved extends DomainEvent {
  constructor(
    clinicianId: string,
    readonly timeOffId: string,
    readonly startsAt: string,
    readonly endsAt: string,
    at: Date,
  ) {
    super(clinicianId, at);
  }
}

/** A clinician was switched on or off for booking and search. */
@DomainEventName('clinicians.ClinicianActivationChanged')
export class ClinicianActivationChanged extends DomainEvent {
  constructor(
    clinicianId: string,
    readonly isActive: boolean,
    at: Date,
  ) {
    super(clinicianId, at);
  }
}

/** A clinician was removed (soft delete: history stays; no new bookings, gone from search). */
@DomainEventName('clinicians.ClinicianDeleted')
export class ClinicianDeleted extends DomainEvent {
  constructor(
    clinicianId: string,
    readonly userId: string,
    at: Date,
  ) {
    super(clinicianId, at);
  }
}
