import { ClinicianCreated } from '@carebook/clinicians';
import {
  SessionEnded,
  StaffUserDeactivated,
  StaffUserDeleted,
  StaffUserRoleChanged,
} from '@carebook/identity';
import { Role } from '@carebook/core';
import { alertCriticalMessage } from './alert-messages';
import { clinicianNewMessage } from './clinician-messages';
import { paymentUpdateMessage } from './payment-messages';
import { revocationOf } from './revocation-notices';

const at = new Date('2026-03-02T09:00:00Z');

describe('clinician:new', () => {
  it("goes to the room of the clinician's city", () => {
    const event = new ClinicianCreated('doc1', 'u1', 'c1', ['c1', 'c2'], 'New Delhi', at);
    expect(clinicianNewMessage(event)).toEqual({
      event: 'clinician:new',
      rooms: ['city:new delhi'],
      payload: {
        eventId: event.eventId,
        occurredAt: at.toISOString(),
        clinicianId: 'doc1',
        city: 'New Delhi',
        primaryCentreId: 'c1',
        centreIds: ['c1', 'c2'],
      },
    });
  });

  it('is not sent when the city is unknown', () => {
    expect(
      clinicianNewMessage(new ClinicianCreated('doc1', 'u1', 'c1', [], null, at)),
    ).toBeUndefined();
    expect(
      clinicianNewMessage(new ClinicianCreated('doc1', 'u1', 'c1', [], '  ', at)),
    ).toBeUndefined();
  });
});

describe('payment:update', () => {
  it('goes to the clinician, the patient and the front desk with the amount as money', () => {
    const message = paymentUpdateMessage({
      eventId: 'e1',
      occurredAt: at.toISOString(),
      paymentId: 'pay1',
      appointmentId: 'a1',
      amount: { amount: 80000, currency: 'INR' },
      status: 'CAPTURED',
      patientId: 'p1',
      centreId: 'c1',
      clinicianUserId: 'doc-user',
    });
    expect(message.event).toBe('payment:update');
    expect([...message.rooms].sort()).toEqual(
      ['user:doc-user', 'patient:p1', 'centre:c1:FRONT_DESK', 'centre:c1:CENTRE_MANAGER'].sort(),
    );
    expect(message.payload).toEqual({
      eventId: 'e1',
      occurredAt: at.toISOString(),
      paymentId: 'pay1',
      appointmentId: 'a1',
      amount: { amount: 80000, currency: 'INR' },
      status: 'CAPTURED',
    });
  });
});

describe('alert:critical', () => {
  it("goes to the centre's care coordinators and managers and the network's managers", () => {
    const message = alertCriticalMessage({
      eventId: 'e1',
      occurredAt: at.toISOString(),
      alertId: 'al1',
      patientId: 'p1',
      centreId: 'c1',
      severity: 'CRITICAL',
      status: 'OPEN',
    });
    expect(message.event).toBe('alert:critical');
    expect([...message.rooms].sort()).toEqual(
      ['centre:c1:CARE_COORDINATOR', 'centre:c1:CENTRE_MANAGER', 'role:MANAGER'].sort(),
    );
    expect(message.payload).toMatchObject({
      alertId: 'al1',
      patientId: 'p1',
      severity: 'CRITICAL',
      status: 'OPEN',
    });
  });
});

describe('auth:revoked', () => {
  it.each([
    [new StaffUserDeactivated('u1', at), 'DEACTIVATED'],
    [new StaffUserDeleted('u1', at), 'DELETED'],
    [
      new StaffUserRoleChanged('u1', Role.FRONT_DESK, Role.FRONT_DESK, ['c1'], ['c2'], at),
      'ROLE_CHANGED',
    ],
  ])("disconnects the user's sockets after telling them why (%#)", (event, reason) => {
    expect(revocationOf(event)).toEqual({
      rooms: ['user:u1'],
      notice: {
        event: 'auth:revoked',
        payload: { eventId: event.eventId, occurredAt: at.toISOString(), reason },
      },
    });
  });
  it.each([['SIGNED_OUT' as const], ['TOKEN_REUSED' as const]])(
    "disconnects one session's sockets when it ends (%s)",
    (reason) => {
      const event = new SessionEnded('s1', reason, at);
      expect(revocationOf(event)).toEqual({
        rooms: ['session:s1'],
        notice: {
          event: 'auth:revoked',
          payload: { eventId: event.eventId, occurredAt: at.toISOString(), reason },
        },
      });
    },
  );
});
