import { AggregateRoot, newId } from '@carebook/core';
import {
  AppointmentStatus,
  BookingSource,
  CancelledBy,
  canTransition,
  PaymentStatus,
  SessionType,
} from './appointment-status';
import {
  CancellationWindowClosedError,
  IllegalTransitionError,
  NotReschedulableError,
} from './appointment.errors';
import {
  AppointmentBooked,
  AppointmentCancelled,
  AppointmentParties,
  AppointmentRescheduled,
  AppointmentStatusChanged,
} from './events/appointment-events';

export interface Money {
  amount: number;
  currency: string;
}

/** Who created the appointment (the Idempotency-Key is unique per creator). */
export interface Creator {
  kind: 'patient' | 'staff';
  id: string;
}

export interface AppointmentState {
  id: string;
  patientId: string;
  clinicianId: string;
  /** The clinician's staff user (their own list and their status changes). */
  clinicianUserId: string;
  centreId: string;
  startsAt: Date;
  endsAt: Date;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  sessionType: SessionType;
  status: AppointmentStatus;
  paymentStatus: PaymentStatus;
  fee: Money;
  meetLink: string | null;
  source: BookingSource;
  reason: string | null;
  notes: string | null;
  holdExpiresAt: Date | null;
  checkedInAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  cancelledBy: CancelledBy | null;
  cancelledById: string | null;
  idempotencyKey: string | null;
  idempotencyFingerprint: string | null;
  createdBy: Creator;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewAppointment {
  patientId: string;
  patientName: string | null;
  clinicianId: string;
  clinicianUserId: string;
  centreId: string;
  startsAt: Date;
  endsAt: Date;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  sessionType: SessionType;
  fee: Money;
  source: BookingSource;
  reason?: string | null;
  notes?: string | null;
  /** Online bookings hold the slot until this instant (PENDING); without it: CONFIRMED at once. */
  holdExpiresAt?: Date | null;
  createdBy: Creator;
  idempotency?: { key: string; fingerprint: string } | null;
}

/** A new time for an appointment, with the clinician's buffers. */
export interface NewTime {
  startsAt: Date;
  endsAt: Date;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

/** Who moves an appointment; patients are held to the cut-off. */
export interface Mover {
  kind: 'patient' | 'staff';
  patientCutoffMinutes: number;
}

/** Statuses whose time may still move. */
const MOVABLE: readonly AppointmentStatus[] = ['PENDING', 'CONFIRMED'];
/** Reason recorded when the platform cancels an unpaid hold. */
export const HOLD_EXPIRED_REASON = 'HOLD_EXPIRED';

/**
 * One patient's appointment with one clinician at one centre. Its time, widened by the
 * clinician's buffers, is what the database keeps from overlapping (`blocked`); its status
 * moves only along TRANSITIONS.
 */
export class Appointment extends AggregateRoot {
  private constructor(private state: AppointmentState) {
    super();
  }

  /** Books a slot: PENDING with a hold (online) or CONFIRMED (front desk). Records AppointmentBooked. */
  static book(input: NewAppointment, now: Date): Appointment {
    const hold = input.holdExpiresAt ?? null;
    const appointment = new Appointment({
      id: newId(),
      patientId: input.patientId,
      clinicianId: input.clinicianId,
      clinicianUserId: input.clinicianUserId,
      centreId: input.centreId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      bufferBeforeMinutes: input.bufferBeforeMinutes,
      bufferAfterMinutes: input.bufferAfterMinutes,
      sessionType: input.sessionType,
      status: hold ? 'PENDING' : 'CONFIRMED',
      paymentStatus: 'UNPAID',
      fee: { ...input.fee },
      meetLink: null,
      source: input.source,
      reason: clean(input.reason),
      notes: clean(input.notes),
      holdExpiresAt: hold,
      checkedInAt: null,
      cancelledAt: null,
      cancelReason: null,
      cancelledBy: null,
      cancelledById: null,
      idempotencyKey: input.idempotency?.key ?? null,
      idempotencyFingerprint: input.idempotency?.fingerprint ?? null,
      createdBy: input.createdBy,
      createdAt: now,
      updatedAt: now,
    });
    const s = appointment.state;
    appointment.record(
      new AppointmentBooked(
        s.id,
        appointment.parties,
        iso(s.startsAt),
        iso(s.endsAt),
        s.sessionType,
        s.status,
        s.source,
        s.reason,
        input.patientName,
        hold && iso(hold),
        s.fee,
        now,
      ),
    );
    return appointment;
  }

  /** Rebuilds a stored appointment; records nothing. */
  static restore(state: AppointmentState): Appointment {
    return new Appointment({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get status(): AppointmentStatus {
    return this.state.status;
  }
  get clinicianId(): string {
    return this.state.clinicianId;
  }
  get patientId(): string {
    return this.state.patientId;
  }
  get centreId(): string {
    return this.state.centreId;
  }
  get clinicianUserId(): string {
    return this.state.clinicianUserId;
  }
  get parties(): AppointmentParties {
    const { patientId, clinicianId, centreId } = this.state;
    return { patientId, clinicianId, centreId };
  }
  snapshot(): Readonly<AppointmentState> {
    return { ...this.state };
  }

  /** True while an unpaid hold has run out but nobody has cancelled it yet. */
  holdExpiredAt(now: Date): boolean {
    const hold = this.state.holdExpiresAt;
    return this.state.status === 'PENDING' && hold !== null && hold.getTime() <= now.getTime();
  }

  /**
   * Throws unless this appointment may move now: only PENDING and CONFIRMED ones, and a patient
   * a confirmed one only until `patientCutoffMinutes` before it starts.
   */
  assertMovable(now: Date, by: Mover): void {
    const s = this.state;
    if (!MOVABLE.includes(s.status)) {
      throw new NotReschedulableError(`A ${s.status} appointment cannot be moved.`);
    }
    if (
      by.kind === 'patient' &&
      s.status === 'CONFIRMED' &&
      !beforeCutoff(s.startsAt, now, by.patientCutoffMinutes)
    ) {
      throw new NotReschedulableError(
        `Appointments can be moved online until ${by.patientCutoffMinutes / 60} hours before they start. Please call the centre.`,
      );
    }
  }

  /**
   * Moves to another slot, keeping status and hold (see `assertMovable`). The caller has checked
   * that the slot is one of the clinician's; the database checks that it is free.
   */
  reschedule(to: NewTime, now: Date, by: Mover): void {
    this.assertMovable(now, by);
    const s = this.state;
    if (
      s.startsAt.getTime() === to.startsAt.getTime() &&
      s.endsAt.getTime() === to.endsAt.getTime()
    )
      return;
    this.state = { ...s, ...to, updatedAt: now };
    this.record(
      new AppointmentRescheduled(
        s.id,
        this.parties,
        iso(s.startsAt),
        iso(s.endsAt),
        iso(to.startsAt),
        iso(to.endsAt),
        s.status,
        now,
      ),
    );
  }

  /** Changes the free-text details; nobody downstream reacts, so no event. */
  revise(details: { reason?: string | null; notes?: string | null }, now: Date): void {
    const next = { ...this.state };
    if (details.reason !== undefined) next.reason = clean(details.reason);
    if (details.notes !== undefined) next.notes = clean(details.notes);
    if (next.reason === this.state.reason && next.notes === this.state.notes) return;
    this.state = { ...next, updatedAt: now };
  }

  /**
   * The patient cancels. An unpaid hold may always be let go; a confirmed appointment only
   * until `cutoffMinutes` before it starts (else CANCELLATION_WINDOW_CLOSED).
   */
  cancelByPatient(now: Date, cutoffMinutes: number, reason?: string | null): void {
    this.assertTransition('CANCELLED');
    // Once checked in, only the front desk can cancel (the patient is at the centre).
    if (!MOVABLE.includes(this.state.status)) {
      throw new IllegalTransitionError(this.state.status, 'CANCELLED', 'ask the front desk');
    }
    if (
      this.state.status === 'CONFIRMED' &&
      !beforeCutoff(this.state.startsAt, now, cutoffMinutes)
    ) {
      throw new CancellationWindowClosedError(cutoffMinutes);
    }
    this.cancel('PATIENT', this.state.patientId, reason ?? null, now);
  }

  /**
   * Staff cancel at any time the transition allows. Answers whether this overrode the
   * patients' window (the handler audits overrides).
   */
  cancelByStaff(
    now: Date,
    staffId: string,
    cutoffMinutes: number,
    reason?: string | null,
  ): { overrodeWindow: boolean } {
    this.assertTransition('CANCELLED');
    const overrodeWindow =
      this.state.status !== 'PENDING' && !beforeCutoff(this.state.startsAt, now, cutoffMinutes);
    this.cancel('STAFF', staffId, reason ?? null, now);
    return { overrodeWindow };
  }

  /** Cancels an unpaid hold whose time ran out; answers false (and changes nothing) otherwise. */
  expireHold(now: Date): boolean {
    if (!this.holdExpiredAt(now)) return false;
    this.cancel('SYSTEM', null, HOLD_EXPIRED_REASON, now);
    return true;
  }

  /**
   * Payment captured: PENDING -> CONFIRMED, payment PAID. Repeats (a webhook delivered twice)
   * change nothing. A hold that ran out but is still PENDING is confirmed too: nobody else can
   * have its time, because taking it cancels the hold first.
   */
  confirmPayment(now: Date): void {
    if (this.state.status === 'CONFIRMED' && this.state.paymentStatus === 'PAID') return;
    this.assertTransition('CONFIRMED');
    this.moveTo('CONFIRMED', now, { paymentStatus: 'PAID', holdExpiresAt: null });
  }

  /** The patient arrived: records the check-in time (the queue's order). */
  checkIn(now: Date): void {
    this.assertTransition('CHECKED_IN');
    this.moveTo('CHECKED_IN', now, { checkedInAt: now });
  }

  /** The clinician started seeing the patient. */
  start(now: Date): void {
    this.assertTransition('IN_PROGRESS');
    this.moveTo('IN_PROGRESS', now);
  }

  complete(now: Date): void {
    this.assertTransition('COMPLETED');
    this.moveTo('COMPLETED', now);
  }

  /** The patient did not come. Only once the appointment's start has passed. */
  markNoShow(now: Date): void {
    this.assertTransition('NO_SHOW');
    if (now.getTime() < this.state.startsAt.getTime()) {
      throw new IllegalTransitionError(
        this.state.status,
        'NO_SHOW',
        'the appointment has not started yet',
      );
    }
    this.moveTo('NO_SHOW', now);
  }

  private cancel(by: CancelledBy, byId: string | null, reason: string | null, now: Date): void {
    const previous = this.state.status;
    this.state = {
      ...this.state,
      status: 'CANCELLED',
      cancelledAt: now,
      cancelledBy: by,
      cancelledById: byId,
      cancelReason: clean(reason),
      updatedAt: now,
    };
    const s = this.state;
    this.record(
      new AppointmentCancelled(
        s.id,
        this.parties,
        previous,
        iso(s.startsAt),
        by,
        s.cancelReason,
        s.paymentStatus,
        now,
      ),
    );
  }

  private moveTo(to: AppointmentStatus, now: Date, changes: Partial<AppointmentState> = {}): void {
    const previous = this.state.status;
    this.state = { ...this.state, ...changes, status: to, updatedAt: now };
    const s = this.state;
    this.record(
      new AppointmentStatusChanged(
        s.id,
        this.parties,
        previous,
        to,
        s.paymentStatus,
        iso(s.startsAt),
        now,
      ),
    );
  }

  private assertTransition(to: AppointmentStatus): void {
    if (!canTransition(this.state.status, to))
      throw new IllegalTransitionError(this.state.status, to);
  }
}

function beforeCutoff(startsAt: Date, now: Date, cutoffMinutes: number): boolean {
  return now.getTime() <= startsAt.getTime() - cutoffMinutes * 60_000;
}

function clean(text: string | null | undefined): string | null {
  return text?.trim() || null;
}

function iso(d: Date): string {
  return d.toISOString();
}
