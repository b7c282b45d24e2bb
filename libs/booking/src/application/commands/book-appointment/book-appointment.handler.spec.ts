import { NotFoundError } from '@carebook/core';
import {
  IdempotencyKeyReusedError,
  SlotUnavailableError,
} from '../../../domain/appointment.errors';
import { bookingWorld, scheduleOf } from '../../../testing/booking-fakes';
import { BookAppointment, BookAppointmentInput } from './book-appointment.command';
import { BookAppointmentHandler } from './book-appointment.handler';

const patient = { kind: 'patient' as const, id: 'pat-1' };
const tue0900 = new Date('2026-03-03T03:30:00Z'); // 09:00 IST

describe('BookAppointmentHandler', () => {
  const setup = () => {
    const w = bookingWorld();
    const handler = new BookAppointmentHandler(
      w.appointments,
      w.patients,
      w.calendar,
      w.policy,
      w.clock,
    );
    const book = (input: Partial<BookAppointmentInput> = {}, key?: string, actor = patient) =>
      handler.execute(
        new BookAppointment(
          actor,
          { clinicianId: 'clin-1', startsAt: tue0900, sessionType: 'IN_PERSON', ...input },
          key,
        ),
      );
    return { w, book };
  };

  it('books a free slot as PENDING, held 15 minutes, unpaid, at the schedule fee', async () => {
    const { w, book } = setup();
    const { appointment, replayed } = await book({ reason: 'chest pain' });
    expect(replayed).toBe(false);
    expect(appointment).toMatchObject({
      patientId: 'pat-1',
      clinicianId: 'clin-1',
      centreId: 'ctr-a',
      startsAt: '2026-03-03T03:30:00.000Z',
      endsAt: '2026-03-03T04:00:00.000Z',
      status: 'PENDING',
      paymentStatus: 'UNPAID',
      fee: { amount: 80000, currency: 'INR' },
      source: 'ONLINE',
      holdExpiresAt: '2026-03-02T00:15:00.000Z',
    });
    expect(w.appointments.events).toEqual(['booking.AppointmentBooked']);
  });

  it.each([
    ['a time between slots', new Date('2026-03-03T03:45:00Z')],
    ['outside the hours', new Date('2026-03-03T08:00:00Z')],
    ['a Sunday', new Date('2026-03-08T03:30:00Z')],
    ['beyond the horizon', new Date('2026-05-05T03:30:00Z')],
  ])('refuses %s with SLOT_UNAVAILABLE', async (_, startsAt) => {
    const { book } = setup();
    await expect(book({ startsAt: startsAt as Date })).rejects.toBeInstanceOf(SlotUnavailableError);
  });

  it('refuses a taken slot and the wrong session type, but not one freed by an expired hold', async () => {
    const { w, book } = setup();
    await book();
    await expect(book({}, undefined, { kind: 'patient', id: 'pat-2' })).rejects.toBeInstanceOf(
      SlotUnavailableError,
    );
    await expect(
      book({ startsAt: new Date('2026-03-03T04:00:00Z'), sessionType: 'ONLINE' }),
    ).rejects.toBeInstanceOf(SlotUnavailableError);
    w.clock.at = new Date('2026-03-02T00:15:00Z');
    const second = await book({}, undefined, { kind: 'patient', id: 'pat-2' });
    expect(second.appointment.status).toBe('PENDING');
    expect(w.appointments.events).toEqual([
      'booking.AppointmentBooked',
      'booking.AppointmentCancelled',
      'booking.AppointmentBooked',
    ]);
  });

  it('keeps the minimum notice of 2 h', async () => {
    const { w, book } = setup();
    w.clock.at = new Date('2026-03-03T02:00:00Z'); // Tue 07:30 IST
    await expect(book()).rejects.toBeInstanceOf(SlotUnavailableError); // 09:00 is 1.5 h away
    expect((await book({ startsAt: new Date('2026-03-03T04:00:00Z') })).appointment.status).toBe(
      'PENDING',
    );
  });

  it('respects the daily cap per local day', async () => {
    const { w, book } = setup();
    w.schedules.schedules.set('clin-1', scheduleOf({ dailyCap: 1 }));
    await book();
    await expect(book({ startsAt: new Date('2026-03-03T05:30:00Z') })).rejects.toBeInstanceOf(
      SlotUnavailableError,
    );
    await book({ startsAt: new Date('2026-03-04T03:30:00Z') });
  });

  it('answers 404 for an unknown or inactive clinician', async () => {
    const { w, book } = setup();
    await expect(book({ clinicianId: 'nobody' })).rejects.toBeInstanceOf(NotFoundError);
    w.schedules.schedules.set('clin-1', scheduleOf({ isActive: false }));
    await expect(book()).rejects.toBeInstanceOf(NotFoundError);
  });

  it('replays the same request with the same Idempotency-Key and refuses a different one', async () => {
    const { w, book } = setup();
    const first = await book({ reason: 'x' }, 'key-1');
    const again = await book(
      { reason: 'x', startsAt: new Date('2026-03-03T09:00:00+05:30') },
      'key-1',
    );
    expect(again).toEqual({ appointment: first.appointment, replayed: true });
    expect(w.appointments.rows.size).toBe(1);
    await expect(book({ reason: 'y' }, 'key-1')).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    // Keys belong to their creator: another patient may use the same one.
    const other = await book({ startsAt: new Date('2026-03-03T04:00:00Z') }, 'key-1', {
      kind: 'patient',
      id: 'pat-2',
    });
    expect(other.replayed).toBe(false);
  });
});
