import {
  APPOINTMENT_STATUSES,
  AppointmentStatus,
  canTransition,
  TRANSITIONS,
} from './appointment-status';
import { Appointment, NewAppointment } from './appointment';
import {
  CancellationWindowClosedError,
  IllegalTransitionError,
  NotReschedulableError,
} from './appointment.errors';
import {
  AppointmentBooked,
  AppointmentCancelled,
  AppointmentRescheduled,
  AppointmentStatusChanged,
} from './events/appointment-events';

const now = new Date('2026-03-02T04:00:00Z');
const startsAt = new Date('2026-03-03T04:30:00Z');
const minutes = (n: number) => n * 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

const input = (overrides: Partial<NewAppointment> = {}): NewAppointment => ({
  patientId: 'p-1',
  patientName: 'Asha Rao',
  clinicianId: 'c-1',
  clinicianUserId: 'u-1',
  centreId: 'ctr-1',
  startsAt,
  endsAt: at(startsAt, minutes(30)),
  bufferBeforeMinutes: 5,
  bufferAfterMinutes: 10,
  sessionType: 'IN_PERSON',
  fee: { amount: 80000, currency: 'INR' },
  source: 'ONLINE',
  reason: '  follow-up ',
  createdBy: { kind: 'patient', id: 'p-1' },
  ...overrides,
});

/** An appointment driven to `status` along legal transitions, events drained. */
function appointmentIn(status: AppointmentStatus): Appointment {
  const a = Appointment.book(input({ holdExpiresAt: at(now, minutes(15)) }), now);
  const late = at(startsAt, minutes(1));
  const path: Record<AppointmentStatus, Array<(x: Appointment) => void>> = {
    PENDING: [],
    CONFIRMED: [(x) => x.confirmPayment(now)],
    CHECKED_IN: [(x) => x.confirmPayment(now), (x) => x.checkIn(now)],
    IN_PROGRESS: [(x) => x.confirmPayment(now), (x) => x.checkIn(now), (x) => x.start(now)],
    COMPLETED: [
      (x) => x.confirmPayment(now),
      (x) => x.checkIn(now),
      (x) => x.start(now),
      (x) => x.complete(now),
    ],
    CANCELLED: [(x) => x.cancelByStaff(now, 's-1', 120)],
    NO_SHOW: [(x) => x.confirmPayment(now), (x) => x.markNoShow(late)],
  };
  path[status].forEach((step) => step(a));
  a.pullEvents();
  return a;
}

/** Performs the intent that leads to `to`. */
function moveTo(a: Appointment, to: AppointmentStatus): void {
  const afterStart = at(startsAt, minutes(1));
  const intents: Record<AppointmentStatus, () => void> = {
    PENDING: () => {
      throw new IllegalTransitionError(a.status, 'PENDING');
    },
    CONFIRMED: () => a.confirmPayment(now),
    CHECKED_IN: () => a.checkIn(now),
    IN_PROGRESS: () => a.start(now),
    COMPLETED: () => a.complete(now),
    CANCELLED: () => a.cancelByStaff(now, 's-1', 120),
    NO_SHOW: () => a.markNoShow(afterStart),
  };
  intents[to]();
}

describe('Appointment', () => {
  it('books online as PENDING with a hold and records AppointmentBooked', () => {
    const hold = at(now, minutes(15));
    const a = Appointment.book(input({ holdExpiresAt: hold }), now);
    expect(a.snapshot()).toMatchObject({
      status: 'PENDING',
      paymentStatus: 'UNPAID',
      holdExpiresAt: hold,
      reason: 'follow-up',
    });
    const [event] = a.pullEvents();
    expect(event).toBeInstanceOf(AppointmentBooked);
    expect(event).toMatchObject({
      aggregateId: a.id,
      patientName: 'Asha Rao',
      startsAt: '2026-03-03T04:30:00.000Z',
      sessionType: 'IN_PERSON',
      reason: 'follow-up',
      status: 'PENDING',
      holdExpiresAt: hold.toISOString(),
      clinicianId: 'c-1',
    });
    expect(event.eventName).toBe('booking.AppointmentBooked');
  });

  it('books at the front desk as CONFIRMED at once', () => {
    const a = Appointment.book(input({ source: 'WALK_IN', holdExpiresAt: null }), now);
    expect(a.status).toBe('CONFIRMED');
    expect(a.pullEvents()[0]).toMatchObject({ status: 'CONFIRMED', holdExpiresAt: null });
  });

  describe('transition table', () => {
    const pairs = APPOINTMENT_STATUSES.flatMap((from) =>
      APPOINTMENT_STATUSES.filter((to) => to !== 'PENDING').map((to) => [from, to] as const),
    );
    it.each(pairs)('%s -> %s follows TRANSITIONS', (from, to) => {
      const a = appointmentIn(from);
      if (canTransition(from, to)) {
        moveTo(a, to);
        expect(a.status).toBe(to);
        const [event] = a.pullEvents();
        expect(event).toBeInstanceOf(
          to === 'CANCELLED' ? AppointmentCancelled : AppointmentStatusChanged,
        );
        expect(event).toMatchObject({ previousStatus: from, status: to });
      } else if (from === 'CONFIRMED' && to === 'CONFIRMED') {
        // A repeated payment confirmation is a no-op, not an error.
        moveTo(a, to);
        expect(a.pullEvents()).toEqual([]);
      } else {
        expect(() => moveTo(a, to)).toThrow(IllegalTransitionError);
        expect(a.status).toBe(from);
        expect(a.pullEvents()).toEqual([]);
      }
    });

    it('is the documented table', () => {
      expect(TRANSITIONS).toEqual({
        PENDING: ['CONFIRMED', 'CANCELLED'],
        CONFIRMED: ['CHECKED_IN', 'CANCELLED', 'NO_SHOW'],
        CHECKED_IN: ['IN_PROGRESS', 'CANCELLED'],
        IN_PROGRESS: ['COMPLETED'],
        COMPLETED: [],
        CANCELLED: [],
        NO_SHOW: [],
      });
    });
  });

  it('confirms payment: PAID, hold cleared; check-in records its time', () => {
    const a = appointmentIn('PENDING');
    a.confirmPayment(now);
    expect(a.snapshot()).toMatchObject({
      status: 'CONFIRMED',
      paymentStatus: 'PAID',
      holdExpiresAt: null,
    });
    const later = at(now, minutes(3));
    a.checkIn(later);
    expect(a.snapshot().checkedInAt).toEqual(later);
  });

  it('refuses NO_SHOW before the start', () => {
    const a = appointmentIn('CONFIRMED');
    expect(() => a.markNoShow(now)).toThrow(IllegalTransitionError);
    a.markNoShow(startsAt);
    expect(a.status).toBe('NO_SHOW');
  });

  describe('cancellation window', () => {
    const cutoff = 120;
    const edge = at(startsAt, -minutes(cutoff));

    it('lets the patient cancel a confirmed appointment until 2 h before, not after', () => {
      const ok = appointmentIn('CONFIRMED');
      ok.cancelByPatient(edge, cutoff, 'travel');
      const [event] = ok.pullEvents();
      expect(event).toMatchObject({
        cancelledBy: 'PATIENT',
        reason: 'travel',
        previousStatus: 'CONFIRMED',
      });
      const late = appointmentIn('CONFIRMED');
      expect(() => late.cancelByPatient(at(edge, 1), cutoff)).toThrow(
        CancellationWindowClosedError,
      );
      expect(late.status).toBe('CONFIRMED');
    });

    it('lets the patient drop an unpaid hold at any time', () => {
      const a = appointmentIn('PENDING');
      a.cancelByPatient(at(startsAt, -minutes(10)), cutoff);
      expect(a.status).toBe('CANCELLED');
    });

    it('refuses a patient cancelling a checked-in appointment', () => {
      const a = appointmentIn('CHECKED_IN');
      expect(() => a.cancelByPatient(now, cutoff)).toThrow(IllegalTransitionError);
    });

    it('lets staff override the window and says so', () => {
      const a = appointmentIn('CONFIRMED');
      expect(a.cancelByStaff(at(edge, 1), 's-9', cutoff, 'clinician ill')).toEqual({
        overrodeWindow: true,
      });
      expect(a.snapshot()).toMatchObject({
        cancelledBy: 'STAFF',
        cancelledById: 's-9',
        cancelReason: 'clinician ill',
      });
      expect(appointmentIn('CONFIRMED').cancelByStaff(edge, 's-9', cutoff)).toEqual({
        overrodeWindow: false,
      });
    });
  });

  describe('hold expiry', () => {
    it('expires only a PENDING hold whose time has come, once', () => {
      const a = appointmentIn('PENDING');
      const hold = a.snapshot().holdExpiresAt!;
      expect(a.expireHold(at(hold, -1))).toBe(false);
      expect(a.expireHold(hold)).toBe(true);
      expect(a.snapshot()).toMatchObject({
        status: 'CANCELLED',
        cancelledBy: 'SYSTEM',
        cancelReason: 'HOLD_EXPIRED',
      });
      expect(a.expireHold(hold)).toBe(false);
      expect(a.pullEvents()).toHaveLength(1);
      expect(appointmentIn('CONFIRMED').expireHold(at(hold, minutes(60)))).toBe(false);
    });
  });

  describe('reschedule', () => {
    const to = {
      startsAt: at(startsAt, minutes(60)),
      endsAt: at(startsAt, minutes(90)),
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 10,
    };

    it('moves PENDING and CONFIRMED appointments and records both times', () => {
      const a = appointmentIn('CONFIRMED');
      a.reschedule(to, now, { kind: 'patient', patientCutoffMinutes: 120 });
      expect(a.snapshot()).toMatchObject({ startsAt: to.startsAt, status: 'CONFIRMED' });
      const [event] = a.pullEvents();
      expect(event).toBeInstanceOf(AppointmentRescheduled);
      expect(event).toMatchObject({
        previousStartsAt: startsAt.toISOString(),
        startsAt: to.startsAt.toISOString(),
      });
    });

    it.each(['CHECKED_IN', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const)(
      'refuses to move %s',
      (status) => {
        expect(() =>
          appointmentIn(status).reschedule(to, now, { kind: 'staff', patientCutoffMinutes: 120 }),
        ).toThrow(NotReschedulableError);
      },
    );

    it('refuses a patient inside the cut-off but lets staff move it', () => {
      const late = at(startsAt, -minutes(60));
      expect(() =>
        appointmentIn('CONFIRMED').reschedule(to, late, {
          kind: 'patient',
          patientCutoffMinutes: 120,
        }),
      ).toThrow(NotReschedulableError);
      const a = appointmentIn('CONFIRMED');
      a.reschedule(to, late, { kind: 'staff', patientCutoffMinutes: 120 });
      expect(a.snapshot().startsAt).toEqual(to.startsAt);
    });

    it('revises reason and notes without an event', () => {
      const a = appointmentIn('CONFIRMED');
      a.revise({ notes: ' bring reports ', reason: undefined }, now);
      expect(a.snapshot()).toMatchObject({ notes: 'bring reports', reason: 'follow-up' });
      expect(a.pullEvents()).toEqual([]);
    });

    it('records nothing when the time does not change', () => {
      const a = appointmentIn('CONFIRMED');
      a.reschedule({ ...to, startsAt, endsAt: at(startsAt, minutes(30)) }, now, {
        kind: 'staff',
        patientCutoffMinutes: 120,
      });
      expect(a.pullEvents()).toEqual([]);
    });
  });
});
