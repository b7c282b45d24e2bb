import { ForbiddenError, NotFoundError, Role } from '@carebook/core';
import { CommandBus } from '@nestjs/cqrs';
import { Appointment } from '../../../domain/appointment';
import { IllegalTransitionError } from '../../../domain/appointment.errors';
import { CancelAppointment } from '../cancel-appointment/cancel-appointment.command';
import { bookingWorld } from '../../../testing/booking-fakes';
import { ChangeAppointmentStatus } from './change-appointment-status.command';
import { ChangeAppointmentStatusHandler } from './change-appointment-status.handler';

const desk = { kind: 'staff' as const, id: 'desk-1', role: Role.FRONT_DESK, centreIds: ['ctr-a'] };
const doctor = {
  kind: 'staff' as const,
  id: 'user-doc',
  role: Role.CLINICIAN,
  centreIds: ['ctr-a'],
};

describe('ChangeAppointmentStatusHandler', () => {
  const setup = async (hold?: Date) => {
    const w = bookingWorld(new Date('2026-03-03T03:20:00Z'));
    const commands = { execute: jest.fn() } as unknown as CommandBus;
    const handler = new ChangeAppointmentStatusHandler(w.appointments, commands, w.uow, w.clock);
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
        holdExpiresAt: hold,
        createdBy: { kind: 'patient', id: 'pat-1' },
      },
      w.clock.now(),
    );
    await w.appointments.add(a);
    const change = (
      status: Parameters<typeof handler.execute>[0]['status'],
      actor = desk as typeof desk,
    ) => handler.execute(new ChangeAppointmentStatus(actor, a.id, status));
    return { w, change, commands };
  };

  it('walks CONFIRMED -> CHECKED_IN (recording the time) -> IN_PROGRESS -> COMPLETED', async () => {
    const { w, change } = await setup();
    expect(await change('CHECKED_IN')).toMatchObject({
      status: 'CHECKED_IN',
      checkedInAt: '2026-03-03T03:20:00.000Z',
    });
    expect((await change('IN_PROGRESS', doctor)).status).toBe('IN_PROGRESS');
    expect((await change('COMPLETED', doctor)).status).toBe('COMPLETED');
    expect(
      w.appointments.events.filter((e) => e === 'booking.AppointmentStatusChanged'),
    ).toHaveLength(3);
  });

  it('answers 409 ILLEGAL_TRANSITION for anything else', async () => {
    const { change } = await setup();
    await expect(change('COMPLETED')).rejects.toBeInstanceOf(IllegalTransitionError);
    await expect(change('PENDING')).rejects.toBeInstanceOf(IllegalTransitionError);
    await expect(change('NO_SHOW')).rejects.toBeInstanceOf(IllegalTransitionError); // not started yet
  });

  it('confirms a PENDING hold as paid (the status route stands in for payments)', async () => {
    const { change } = await setup(new Date('2026-03-03T03:35:00Z'));
    expect(await change('CONFIRMED')).toMatchObject({
      status: 'CONFIRMED',
      paymentStatus: 'PAID',
      holdExpiresAt: null,
    });
  });

  it('hands CANCELLED to CancelAppointment', async () => {
    const { change, commands } = await setup();
    await change('CANCELLED');
    const [command] = (commands.execute as jest.Mock).mock.calls[0];
    expect(command).toBeInstanceOf(CancelAppointment);
    expect(command).toMatchObject({ actor: desk });
  });

  it('scopes by centre (404) and keeps clinicians to their own consultations (403)', async () => {
    const { change } = await setup();
    await expect(change('CHECKED_IN', { ...desk, centreIds: ['ctr-b'] })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(change('CHECKED_IN', { ...doctor, id: 'user-other' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(change('CONFIRMED', doctor)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
