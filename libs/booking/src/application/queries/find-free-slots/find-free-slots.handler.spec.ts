import { NotFoundError, ValidationFailedError } from '@carebook/core';
import { Appointment } from '../../../domain/appointment';
import { bookingWorld, scheduleOf } from '../../../testing/booking-fakes';
import { FindFreeSlots } from './find-free-slots.query';
import { FindFreeSlotsHandler } from './find-free-slots.handler';

describe('FindFreeSlotsHandler', () => {
  const setup = () => {
    const w = bookingWorld(new Date('2026-03-02T00:00:00Z')); // Monday 05:30 IST
    const handler = new FindFreeSlotsHandler(w.calendar, w.policy);
    const find = (from = '2026-03-03', to = from) =>
      handler.execute(new FindFreeSlots('clin-1', from, to));
    const hold = async (startsAt: string, holdExpiresAt: Date | null) => {
      const start = new Date(startsAt);
      await w.appointments.add(
        Appointment.book(
          {
            patientId: 'pat-1',
            patientName: null,
            clinicianId: 'clin-1',
            clinicianUserId: 'user-doc',
            centreId: 'ctr-a',
            startsAt: start,
            endsAt: new Date(start.getTime() + 30 * 60_000),
            bufferBeforeMinutes: 0,
            bufferAfterMinutes: 0,
            sessionType: 'IN_PERSON',
            fee: { amount: 80000, currency: 'INR' },
            source: 'ONLINE',
            holdExpiresAt,
            createdBy: { kind: 'patient', id: 'pat-1' },
          },
          w.clock.now(),
        ),
      );
    };
    return { w, find, hold };
  };

  it("answers a day's slots in time order as ISO UTC", async () => {
    const { find } = setup();
    const { clinicianId, items } = await find();
    expect(clinicianId).toBe('clin-1');
    expect(items).toHaveLength(8); // 09:00-13:00 IST in 30 minutes
    expect(items[0]).toEqual({
      startsAt: '2026-03-03T03:30:00.000Z',
      endsAt: '2026-03-03T04:00:00.000Z',
      centreId: 'ctr-a',
      sessionType: 'IN_PERSON',
    });
  });

  it('leaves out booked slots and live holds, not expired holds', async () => {
    const { w, find, hold } = setup();
    await hold('2026-03-03T03:30:00Z', new Date('2026-03-02T00:15:00Z'));
    await hold('2026-03-03T04:00:00Z', null);
    expect((await find()).items.map((s) => s.startsAt).slice(0, 2)).toEqual([
      '2026-03-03T04:30:00.000Z',
      '2026-03-03T05:00:00.000Z',
    ]);
    w.clock.at = new Date('2026-03-02T00:15:00Z');
    expect((await find()).items[0].startsAt).toBe('2026-03-03T03:30:00.000Z');
  });

  it('allows 31 days and refuses more, or a reversed range, with 400', async () => {
    const { find } = setup();
    await find('2026-03-01', '2026-04-01');
    await expect(find('2026-03-01', '2026-04-02')).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(find('2026-03-05', '2026-03-04')).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(find('2026-02-30')).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it('answers 404 for an unknown or inactive clinician', async () => {
    const { w, find } = setup();
    w.schedules.schedules.set('clin-1', scheduleOf({ isActive: false }));
    await expect(find()).rejects.toBeInstanceOf(NotFoundError);
    w.schedules.schedules.clear();
    await expect(find()).rejects.toBeInstanceOf(NotFoundError);
  });
});
