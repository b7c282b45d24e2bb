import { DomainEvent, DomainEventName } from '@carebook/core';
import type {
  AppointmentStatus,
  BookingSource,
  CancelledBy,
  PaymentStatus,
  SessionType,
} from '../appointment-status';

/** Who an appointment concerns; every booking event carries it, so handlers need no lookup. */
export interface AppointmentParties {
  patientId: string;
  clinicianId: string;
  centreId: string;
}

/**
 * An appointment was booked: PENDING with `holdExpiresAt` (online, until paid) or CONFIRMED at
 * once (front desk). `patientName` is here for the `appointment:new` push; times are ISO UTC.
 */
@DomainEventName('booking.AppointmentBooked')
export class AppointmentBooked extends DomainEvent implements AppointmentParties {
  readonly patientId: string;
  readonly clinicianId: string;
  readonly centreId: string;

  constructor(
    appointmentId: string,
    parties: AppointmentParties,
    readonly startsAt: string,
    readonly endsAt: string,
    readonly sessionType: SessionType,
    readonly status: AppointmentStatus,
    readonly source: BookingSource,
    readonly reason: string | null,
    readonly patientName: string | null,
    readonly holdExpiresAt: string | null,
    readonly fee: { amount: number; currency: string },
    at: Date,
  ) {
    super(appointmentId, at);
    this.patientId = parties.patientId;
    this.clinicianId = parties.clinicianId;
    this.centreId = parties.centreId;
  }
}

/** An appointment moved to another time (one transaction: the old time is free only now). */
@DomainEventName('booking.AppointmentRescheduled')
export class AppointmentRescheduled extends DomainEvent implements AppointmentParties {
  readonly patientId: string;
  readonly clinicianId: string;
  readonly centreId: string;

  constructor(
    appointmentId: string,
    parties: AppointmentParties,
    readonly previousStartsAt: string,
    readonly previousEndsAt: string,
    readonly startsAt: string,
    readonly endsAt: string,
    readonly status: AppointmentStatus,
    at: Date,
  ) {
    super(appointmentId, at);
    this.patientId = parties.patientId;
    this.clinicianId = parties.clinicianId;
    this.centreId = parties.centreId;
  }
}

/**
 * The status changed along a legal transition other than cancellation (which is
 * AppointmentCancelled): CONFIRMED, CHECKED_IN, IN_PROGRESS, COMPLETED or NO_SHOW.
 */
@DomainEventName('booking.AppointmentStatusChanged')
export class AppointmentStatusChanged extends DomainEvent implements AppointmentParties {
  readonly patientId: string;
  readonly clinicianId: string;
  readonly centreId: string;

  constructor(
    appointmentId: string,
    parties: AppointmentParties,
    readonly previousStatus: AppointmentStatus,
    readonly status: AppointmentStatus,
    readonly paymentStatus: PaymentStatus,
    readonly startsAt: string,
    at: Date,
  ) {
    super(appointmentId, at);
    this.patientId = parties.patientId;
    this.clinicianId = parties.clinicianId;
    this.centreId = parties.centreId;
  }
}

/**
 * The appointment was cancelled and its time freed: by the patient, by staff, or by the
 * platform when an unpaid hold expired (`reason` HOLD_EXPIRED). `paymentStatus` tells payments
 * whether a refund is due.
 */
@DomainEventName('booking.AppointmentCancelled')
export class AppointmentCancelled extends DomainEvent implements AppointmentParties {
  readonly patientId: string;
  readonly clinicianId: string;
  readonly centreId: string;
  readonly status = 'CANCELLED' as const;

  constructor(
    appointmentId: string,
    parties: AppointmentParties,
    readonly previousStatus: AppointmentStatus,
    readonly startsAt: string,
    readonly cancelledBy: CancelledBy,
    readonly reason: string | null,
    readonly paymentStatus: PaymentStatus,
    at: Date,
  ) {
    super(appointmentId, at);
    this.patientId = parties.patientId;
    this.clinicianId = parties.clinicianId;
    this.centreId = parties.centreId;
  }
}
