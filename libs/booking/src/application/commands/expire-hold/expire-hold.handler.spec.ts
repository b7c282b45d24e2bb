import { Appointment } from '../../../domain/appointment';
import { HoldNotExpiredError } from '../../../domain/appointment.errors';
import { bookingWorld } from '../../../testing/booking-fakes';
import { ExpireHold } from './expire-hold.command';
import { ExpireHoldHandler } from './expire-hold.handler';

describe('ExpireHoldHandler', () => {
  const setup = async () => {
    const w = bookingWorld(new Date('2026-03-02T00:00:00Z'));
    const handler = new ExpireHoldHandler(w.appointments, w.uow, w.clock);
    const startsAt = new Date('2026-03-03T03:30:00Z');
    const a = Appointment.book(
      {
        patientId: 'pat-1',
        patientName: null,
        clinicianId: 'clin-1',
        clinicianUserId: 'user-doc',
        centreId: 'ctr-a',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        sessionType: 'IN_PERSON',
        fee: { amount: 80000, currency: 'INR' },
        source: 'ONLINE',
        holdExpiresAt: new Date('2026-03-02T00:15:00Z'),
        createdBy: { kind: 'patient', id: 'pat-1' },
      },
      w.clock.now(),
    );
    await w.appointments.add(a);
    return { w, run: () => handler.execute(new ExpireHold(a.id)), id: a.id };
  };

  it('is early before the hold ends (retryable), expires it once, and is a no-op after', async () => {
    const { w, run, id } = await setup();
    await expect(run()).rejects.toBeInstanceOf(HoldNotExpiredError);
    w.clock.at = new Date('2026-03-02T00:15:00Z');
    expect(await run()).toBe('EXPIRED');
    expect(await run()).toBe('NOT_PENDING');
    expect(w.appointments.rows.get(id)).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'SYSTEM',
    });
    expect(w.appointments.events.filter((e) => e === 'booking.AppointmentCancelled')).toHaveLength(
      1,
    );
  });

  it('leaves a paid appointment alone', async () => {
    const { w, run, id } = await setup();
    const a = (await w.appointments.findById(id))!;
    a.confirmPayment(w.clock.now());
    await w.appointments.save(a);
    w.clock.at = new Date('2026-03-02T01:00:00Z');
    expect(await run()).toBe('NOT_PENDING');
    expect(w.appointments.rows.get(id)!.status).toBe('CONFIRMED');
  });
});
