import { NotFoundError, Role, StaffActor } from '@carebook/core';
import {
  AppointmentCancelledError,
  AppointmentNotConfirmedError,
  AppointmentNotUpcomingError,
} from '../../appointment-messages/appointment-message.errors';
import {
  appointmentMessagesHarness,
  IDS,
  STARTS_AT,
} from '../../appointment-messages/testing/appointment-messages-harness';
import { SendAppointmentConfirmation } from './send-appointment-confirmation.command';
import { SendAppointmentConfirmationHandler } from './send-appointment-confirmation.handler';

const desk = (centreIds: string[]): StaffActor => ({
  kind: 'staff',
  id: '55555555-5555-4555-8555-555555555555',
  role: Role.FRONT_DESK,
  centreIds,
});

describe('SendAppointmentConfirmationHandler', () => {
  let h: ReturnType<typeof appointmentMessagesHarness>;
  let handler: SendAppointmentConfirmationHandler;
  const confirm = (input: Partial<SendAppointmentConfirmation['input']> = {}) =>
    handler.execute(
      new SendAppointmentConfirmation({
        appointmentId: IDS.appointment,
        startsAt: STARTS_AT.toISOString(),
        ...input,
      }),
    );
  beforeEach(() => {
    h = appointmentMessagesHarness();
    handler = new SendAppointmentConfirmationHandler(h.messages);
  });

  it('queues an SMS and an e-mail with the .ics, in the centre time, about the appointment', async () => {
    const outcome = await confirm();
    expect(outcome).toEqual({ appointmentId: IDS.appointment, messageIds: expect.any(Array) });
    const [sms, mail] = outcome.messageIds.map((id) => h.repo.rows.get(id)!);
    const about = { centreId: IDS.centre, patientId: IDS.patient, appointmentId: IDS.appointment };
    expect(sms).toMatchObject({
      recipient: '+447700900123',
      channel: 'SMS',
      template: 'appointment-confirmation',
      body:
        'Hello Asha Rao, your appointment with Dr. Meera Iyer is confirmed for Sunday 29 March 2026 ' +
        'at 09:30 BST, at carebook Marylebone (1 Harley Street, London).',
      html: null,
      calendarEvent: null,
      idempotencyKey: `appointment-confirmation:${IDS.appointment}:${STARTS_AT.getTime()}:phone`,
      ...about,
    });
    expect(mail).toMatchObject({
      recipient: 'asha@example.com',
      channel: 'EMAIL',
      subject: 'Appointment confirmed: Dr. Meera Iyer, Sun 29 Mar, 09:30 BST',
      body: sms.body,
      html: expect.stringContaining('Sunday 29 March 2026 at 09:30 BST'),
      calendarEvent: expect.objectContaining({
        uid: IDS.appointment,
        startsAt: STARTS_AT.toISOString(),
        status: 'CONFIRMED',
        sequence: Math.floor((Date.parse('2026-03-20T10:00:00Z') - Date.UTC(2020, 0, 1)) / 1000),
      }),
      idempotencyKey: `appointment-confirmation:${IDS.appointment}:${STARTS_AT.getTime()}:email`,
      ...about,
    });
  });

  it('sends once however often the same confirmation runs', async () => {
    const first = await confirm();
    const second = await confirm();
    expect(second.messageIds).toEqual(first.messageIds);
    expect(h.stored()).toHaveLength(2);
  });

  it('confirms each reschedule once, also a move back to an earlier time', async () => {
    await confirm();
    const moved = new Date(STARTS_AT.getTime() + 3600_000);
    h.update({ startsAt: moved, endsAt: new Date(moved.getTime() + 20 * 60_000) });
    await confirm({ startsAt: moved.toISOString(), rescheduleEventId: 'event-1' });
    await confirm({ startsAt: moved.toISOString(), rescheduleEventId: 'event-1' });
    h.update({ startsAt: STARTS_AT, endsAt: new Date(STARTS_AT.getTime() + 20 * 60_000) });
    await confirm({ startsAt: STARTS_AT.toISOString(), rescheduleEventId: 'event-2' });
    expect(
      h
        .stored()
        .filter((m) => m.channel === 'SMS')
        .map((m) => m.body),
    ).toEqual([
      expect.stringContaining('at 09:30 BST'),
      expect.stringContaining('at 10:30 BST'),
      expect.stringContaining('at 09:30 BST'),
    ]);
  });

  it('sends nothing for the old time once the appointment has moved', async () => {
    h.update({ startsAt: new Date(STARTS_AT.getTime() + 3600_000) });
    expect(await confirm()).toMatchObject({ messageIds: [], skipped: 'RESCHEDULED' });
    expect(h.stored()).toEqual([]);
  });

  it.each([
    ['CANCELLED', 'CANCELLED'],
    ['PENDING', 'NOT_CONFIRMED'],
    ['CHECKED_IN', 'NOT_CONFIRMED'],
  ])('skips a %s appointment (%s)', async (status, skipped) => {
    h.update({ status });
    expect(await confirm()).toMatchObject({ messageIds: [], skipped });
    expect(h.stored()).toEqual([]);
  });

  it('skips an appointment that has started, and one that no longer exists', async () => {
    h.clock.set(STARTS_AT);
    expect(await confirm()).toMatchObject({ skipped: 'STARTED' });
    expect(await confirm({ appointmentId: IDS.patient })).toMatchObject({ skipped: 'NOT_FOUND' });
    expect(h.stored()).toEqual([]);
  });

  it('sends only the phone message to a patient without an e-mail address', async () => {
    h.records.patients.set(IDS.patient, { fullName: null, phone: '+447700900123', email: null });
    const { messageIds } = await confirm();
    expect(messageIds).toHaveLength(1);
    expect(h.repo.rows.get(messageIds[0])?.body).toMatch(/^Hello there, your appointment/);
  });

  describe('a staff resend', () => {
    it('queues new messages every time', async () => {
      const first = await confirm();
      const resend = { actor: desk([IDS.centre]) };
      const again = await confirm({ resend });
      const third = await confirm({ resend });
      expect(new Set([...first.messageIds, ...again.messageIds, ...third.messageIds]).size).toBe(6);
      expect(h.repo.rows.get(again.messageIds[0])?.idempotencyKey).toMatch(
        new RegExp(
          `^appointment-confirmation:${IDS.appointment}:${STARTS_AT.getTime()}:resend-[0-9a-f-]{36}:phone$`,
        ),
      );
    });

    it("answers NOT_FOUND for another centre's appointment", async () => {
      const other = { actor: desk(['66666666-6666-4666-8666-666666666666']) };
      await expect(confirm({ resend: other })).rejects.toThrow(NotFoundError);
      expect(h.stored()).toEqual([]);
    });

    it('refuses a cancelled, an unconfirmed and a started appointment', async () => {
      const resend = { actor: desk([IDS.centre]) };
      h.update({ status: 'CANCELLED' });
      await expect(confirm({ resend })).rejects.toThrow(AppointmentCancelledError);
      h.update({ status: 'PENDING' });
      await expect(confirm({ resend })).rejects.toThrow(AppointmentNotConfirmedError);
      h.update({ status: 'CONFIRMED' });
      h.clock.set(STARTS_AT);
      await expect(confirm({ resend })).rejects.toThrow(AppointmentNotUpcomingError);
      expect(h.stored()).toEqual([]);
    });
  });
});
