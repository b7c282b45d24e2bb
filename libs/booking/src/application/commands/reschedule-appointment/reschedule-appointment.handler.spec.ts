import { NotFoundError } from '@carebook/core';
import { NotReschedulableError, SlotUnavailableError } from '../../../domain/appointment.errors';
import { bookingWorld } from '../../../testing/booking-fakes';
import { BookAppointment } from '../book-appointment/book-appointment.command';
import { BookAppointmentHandler } from '../book-appointment/book-appointment.handler';
import { RescheduleAppointment } from './reschedule-appointment.command';
import { RescheduleAppointmentHandler } from './reschedule-appointment.handler';

const me = { kind: 'patient' as const, id: 'pat-1' };

describe('RescheduleAppointmentHandler', () => {
  const setup = async () => {
    const w = bookingWorld();
    const booker = new BookAppointmentHandler(
      w.appointments,
      w.patients,
      w.calendar,
      w.policy,
      w.clock,
    );
    const book = async (startsAt: string, actor: { kind: 'patient'; id: string } = me) =>
      (
        await booker.execute(
          new BookAppointment(actor, {
            clinicianId: 'clin-1',
            startsAt: new Date(startsAt),
            sessionType: 'IN_PERSON',
          }),
        )
      ).appointment.id;
    const handler = new RescheduleAppointmentHandler(w.mover);
    const move = (id: string, startsAt: string, actor: typeof me = me) =>
      handler.execute(new RescheduleAppointment(actor, id, new Date(startsAt)));
    return { w, book, move };
  };

  it('moves to a free slot, even one overlapping its own old time', async () => {
    const { w, book, move } = await setup();
    const id = await book('2026-03-03T03:30:00Z');
    expect(await move(id, '2026-03-03T04:00:00Z')).toMatchObject({
      startsAt: '2026-03-03T04:00:00.000Z',
      status: 'PENDING',
    });
    expect(w.appointments.events).toEqual([
      'booking.AppointmentBooked',
      'booking.AppointmentRescheduled',
    ]);
  });

  it('refuses a taken slot and leaves the appointment where it was', async () => {
    const { w, book, move } = await setup();
    const id = await book('2026-03-03T03:30:00Z');
    await book('2026-03-03T05:00:00Z', { kind: 'patient', id: 'pat-2' });
    await expect(move(id, '2026-03-03T05:00:00Z')).rejects.toBeInstanceOf(SlotUnavailableError);
    expect(w.appointments.rows.get(id)!.startsAt.toISOString()).toBe('2026-03-03T03:30:00.000Z');
  });

  it("answers 404 for another patient's appointment", async () => {
    const { book, move } = await setup();
    const id = await book('2026-03-03T03:30:00Z');
    await expect(
      move(id, '2026-03-03T04:00:00Z', { kind: 'patient', id: 'pat-2' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses once the hold has expired (the lock expires it first)', async () => {
    const { w, book, move } = await setup();
    const id = await book('2026-03-03T03:30:00Z');
    w.clock.at = new Date('2026-03-02T00:16:00Z');
    await expect(move(id, '2026-03-03T04:00:00Z')).rejects.toBeInstanceOf(NotReschedulableError);
  });
});
