import { NotFoundError, Role } from '@carebook/core';
import { Appointment } from '../../../domain/appointment';
import { CancellationWindowClosedError } from '../../../domain/appointment.errors';
import { bookingWorld } from '../../../testing/booking-fakes';
import { CancelAppointment } from './cancel-appointment.command';
import { CancelAppointmentHandler } from './cancel-appointment.handler';

const startsAt = new Date('2026-03-03T03:30:00Z');

describe('CancelAppointmentHandler', () => {
  const setup = async () => {
    const w = bookingWorld(new Date('2026-03-02T00:00:00Z'));
    const handler = new CancelAppointmentHandler(w.appointments, w.policy, w.audit, w.uow, w.clock);
    const a = Appointment.book(
      {
        patientId: 'pat-1',
        patientName: 'Asha Rao',
        clinicianId: 'clin-1',
        clinicianUserId: 'user-doc',
        centreId: 'ctr-a',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        sessionType: 'IN_PERSON',
        fee: { amount: 80000, currency: 'INR' },
        source: 'FRONT_DESK',
        createdBy: { kind: 'staff', id: 'desk-1' },
      },
      w.clock.now(),
    );
    await w.appointments.add(a);
    return { w, handler, id: a.id };
  };

  it('lets the patient cancel until 2 h before the start, then refuses', async () => {
    const { w, handler, id } = await setup();
    w.clock.at = new Date(startsAt.getTime() - 2 * 3600_000 + 1);
    await expect(
      handler.execute(new CancelAppointment({ kind: 'patient', id: 'pat-1' }, id)),
    ).rejects.toBeInstanceOf(CancellationWindowClosedError);
    w.clock.at = new Date(startsAt.getTime() - 2 * 3600_000);
    const cancelled = await handler.execute(
      new CancelAppointment({ kind: 'patient', id: 'pat-1' }, id, 'travel'),
    );
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'PATIENT',
      cancelReason: 'travel',
    });
    expect(w.audit.entries).toEqual([]);
  });

  it("answers 404 for another patient's appointment and for another centre's staff", async () => {
    const { handler, id } = await setup();
    await expect(
      handler.execute(new CancelAppointment({ kind: 'patient', id: 'pat-2' }, id)),
    ).rejects.toBeInstanceOf(NotFoundError);
    const otherDesk = {
      kind: 'staff' as const,
      id: 'd',
      role: Role.FRONT_DESK,
      centreIds: ['ctr-b'],
    };
    await expect(handler.execute(new CancelAppointment(otherDesk, id))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('lets staff override the window and audits the override', async () => {
    const { w, handler, id } = await setup();
    w.clock.at = new Date(startsAt.getTime() - 30 * 60_000);
    const desk = {
      kind: 'staff' as const,
      id: 'desk-1',
      role: Role.FRONT_DESK,
      centreIds: ['ctr-a'],
    };
    const cancelled = await handler.execute(new CancelAppointment(desk, id, 'clinician ill'));
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledBy: 'STAFF' });
    expect(w.audit.entries).toEqual([
      expect.objectContaining({
        action: 'appointment.cancellation.window_overridden',
        targetType: 'appointment',
        targetId: id,
        patientId: 'pat-1',
        metadata: expect.objectContaining({ minutesBeforeStart: 30, cutoffMinutes: 120 }),
      }),
    ]);
  });
});
