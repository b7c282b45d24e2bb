import {
  AppointmentBooked,
  AppointmentCancelled,
  AppointmentRescheduled,
  AppointmentStatusChanged,
} from '@carebook/booking';
import type { AppointmentStatus } from '@carebook/booking';
import {
  appointmentNewMessage,
  appointmentUpdateMessage,
  changesQueue,
  queueUpdateMessage,
} from './appointment-messages';

const parties = { patientId: 'p1', clinicianId: 'doc1', centreId: 'c1' };
const at = new Date('2026-03-02T09:00:00Z');
const startsAt = '2026-03-02T10:00:00.000Z';
const desk = ['centre:c1:CENTRE_MANAGER', 'centre:c1:FRONT_DESK'];

const booked = () =>
  new AppointmentBooked(
    'a1',
    parties,
    startsAt,
    '2026-03-02T10:20:00.000Z',
    'IN_PERSON',
    'CONFIRMED',
    'PHONE',
    'Fever',
    'Asha Rao',
    null,
    { amount: 80000, currency: 'INR' },
    at,
  );
const statusChanged = (from: AppointmentStatus, to: AppointmentStatus) =>
  new AppointmentStatusChanged('a1', parties, from, to, 'UNPAID', startsAt, at);
const cancelled = (from: AppointmentStatus) =>
  new AppointmentCancelled('a1', parties, from, startsAt, 'STAFF', 'Clinician ill', 'UNPAID', at);
const rescheduled = (status: AppointmentStatus) =>
  new AppointmentRescheduled(
    'a1',
    parties,
    startsAt,
    '2026-03-02T10:20:00.000Z',
    '2026-03-02T11:00:00.000Z',
    '2026-03-02T11:20:00.000Z',
    status,
    at,
  );

describe('appointment:new', () => {
  it("goes to the clinician's user room and the centre's front desk with the contract's fields", () => {
    const event = booked();
    const message = appointmentNewMessage(event, 'doc-user');
    expect(message.event).toBe('appointment:new');
    expect([...message.rooms].sort()).toEqual(['user:doc-user', ...desk].sort());
    expect(message.payload).toEqual({
      eventId: event.eventId,
      occurredAt: at.toISOString(),
      appointmentId: 'a1',
      patientId: 'p1',
      patientName: 'Asha Rao',
      clinicianId: 'doc1',
      centreId: 'c1',
      startsAt,
      endsAt: '2026-03-02T10:20:00.000Z',
      sessionType: 'IN_PERSON',
      status: 'CONFIRMED',
      source: 'PHONE',
      reason: 'Fever',
    });
  });

  it('still reaches the front desk when the clinician has no user any more', () => {
    expect(appointmentNewMessage(booked(), undefined).rooms.sort()).toEqual([...desk].sort());
  });
});

describe('appointment:update', () => {
  const rooms = ['user:doc-user', 'patient:p1', ...desk].sort();

  it('tells the clinician, the patient and the front desk about a status change', () => {
    const event = statusChanged('CONFIRMED', 'CHECKED_IN');
    const message = appointmentUpdateMessage(event, 'doc-user');
    expect(message.event).toBe('appointment:update');
    expect([...message.rooms].sort()).toEqual(rooms);
    expect(message.payload).toMatchObject({
      eventId: event.eventId,
      appointmentId: 'a1',
      change: 'STATUS_CHANGED',
      status: 'CHECKED_IN',
      previousStatus: 'CONFIRMED',
      startsAt,
      cancelledBy: null,
    });
  });

  it('carries the new and the old time of a reschedule', () => {
    const message = appointmentUpdateMessage(rescheduled('CONFIRMED'), 'doc-user');
    expect(message.payload).toMatchObject({
      change: 'RESCHEDULED',
      status: 'CONFIRMED',
      startsAt: '2026-03-02T11:00:00.000Z',
      endsAt: '2026-03-02T11:20:00.000Z',
      previousStartsAt: startsAt,
    });
  });

  it('says who cancelled, but not their reason', () => {
    const message = appointmentUpdateMessage(cancelled('CONFIRMED'), 'doc-user');
    expect(message.payload).toMatchObject({
      change: 'CANCELLED',
      status: 'CANCELLED',
      previousStatus: 'CONFIRMED',
      cancelledBy: 'STAFF',
    });
    expect(JSON.stringify(message.payload)).not.toContain('Clinician ill');
  });

  it('works on events rebuilt from the outbox (plain JSON on the prototype)', () => {
    const event = cancelled('CHECKED_IN');
    const rebuilt = Object.assign(
      Object.create(AppointmentCancelled.prototype) as AppointmentCancelled,
      JSON.parse(JSON.stringify(event)),
    );
    expect(appointmentUpdateMessage(rebuilt, undefined).payload).toEqual(
      appointmentUpdateMessage(event, undefined).payload,
    );
  });
});

describe('queue:update', () => {
  it.each([
    [statusChanged('CONFIRMED', 'CHECKED_IN'), true],
    [statusChanged('CHECKED_IN', 'IN_PROGRESS'), true],
    [statusChanged('IN_PROGRESS', 'COMPLETED'), true],
    [statusChanged('PENDING', 'CONFIRMED'), false],
    [statusChanged('CONFIRMED', 'NO_SHOW'), false],
    [cancelled('CHECKED_IN'), true],
    [cancelled('CONFIRMED'), false],
    [rescheduled('CONFIRMED'), false],
    [rescheduled('CHECKED_IN'), true],
  ])('follows changes into and out of the waiting room (%#)', (event, expected) => {
    expect(changesQueue(event)).toBe(expected);
  });

  it("sends the centre's whole queue to its front desk only", () => {
    const event = statusChanged('CONFIRMED', 'CHECKED_IN');
    const queue = [
      {
        position: 1,
        appointmentId: 'a1',
        patientId: 'p1',
        patientName: 'Asha Rao',
        clinicianId: 'doc1',
        startsAt,
        checkedInAt: at.toISOString(),
      },
    ];
    const message = queueUpdateMessage(event, queue, new Date('2026-03-02T09:00:01Z'));
    expect(message.event).toBe('queue:update');
    expect([...message.rooms].sort()).toEqual([...desk].sort());
    expect(message.payload).toEqual({
      eventId: event.eventId,
      occurredAt: at.toISOString(),
      centreId: 'c1',
      queue,
      asOf: '2026-03-02T09:00:01.000Z',
    });
  });
});
