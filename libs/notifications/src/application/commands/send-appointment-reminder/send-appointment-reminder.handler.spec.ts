import { Role, StaffActor } from '@carebook/core';
import { AppointmentCancelledError } from '../../appointment-messages/appointment-message.errors';
import {
  appointmentMessagesHarness,
  IDS,
  STARTS_AT,
} from '../../appointment-messages/testing/appointment-messages-harness';
import { SendAppointmentReminder } from './send-appointment-reminder.command';
import { SendAppointmentReminderHandler } from './send-appointment-reminder.handler';

const admin: StaffActor = {
  kind: 'staff',
  id: '55555555-5555-4555-8555-555555555555',
  role: Role.ADMIN,
  centreIds: [],
};

describe('SendAppointmentReminderHandler', () => {
  let h: ReturnType<typeof appointmentMessagesHarness>;
  let handler: SendAppointmentReminderHandler;
  const remind = (lead: '24h' | '1h', startsAt = STARTS_AT) =>
    handler.execute(
      new SendAppointmentReminder({
        appointmentId: IDS.appointment,
        lead,
        startsAt: startsAt.toISOString(),
      }),
    );
  beforeEach(() => {
    h = appointmentMessagesHarness();
    handler = new SendAppointmentReminderHandler(h.messages, h.clock);
  });

  it('reminds a day before by SMS and e-mail, with the date and time at the centre', async () => {
    const { messageIds } = await remind('24h');
    const [sms, mail] = messageIds.map((id) => h.repo.rows.get(id)!);
    expect(sms).toMatchObject({
      channel: 'SMS',
      template: 'appointment-reminder-24h',
      body:
        'Hello Asha Rao, a reminder of your appointment with Dr. Meera Iyer on Sunday 29 March 2026 ' +
        'at 09:30 BST, at carebook Marylebone (1 Harley Street, London).',
      idempotencyKey: `appointment-reminder-24h:${IDS.appointment}:${STARTS_AT.getTime()}:phone`,
      appointmentId: IDS.appointment,
    });
    expect(mail).toMatchObject({
      channel: 'EMAIL',
      recipient: 'asha@example.com',
      subject: 'Reminder: Dr. Meera Iyer, Sun 29 Mar, 09:30 BST',
      calendarEvent: null,
      idempotencyKey: `appointment-reminder-24h:${IDS.appointment}:${STARTS_AT.getTime()}:email`,
    });
  });

  it('says "starts soon" an hour before, and each lead is its own message', async () => {
    h.clock.set(new Date(STARTS_AT.getTime() - 3600_000));
    await remind('24h');
    const { messageIds } = await remind('1h');
    expect(h.repo.rows.get(messageIds[0])?.body).toBe(
      'Hello Asha Rao, your appointment with Dr. Meera Iyer starts soon, at 09:30 BST, ' +
        'at carebook Marylebone (1 Harley Street, London).',
    );
    expect(h.stored()).toHaveLength(4);
  });

  it('sends once however often the same reminder runs', async () => {
    const first = await remind('1h');
    expect((await remind('1h')).messageIds).toEqual(first.messageIds);
    expect(h.stored()).toHaveLength(2);
  });

  it('skips a reminder of a time the appointment has moved away from', async () => {
    h.update({ startsAt: new Date(STARTS_AT.getTime() + 86_400_000) });
    expect(await remind('24h')).toMatchObject({ messageIds: [], skipped: 'RESCHEDULED' });
    expect(h.stored()).toEqual([]);
  });

  it.each([
    ['CANCELLED', 'CANCELLED'],
    ['NO_SHOW', 'NOT_CONFIRMED'],
    ['CHECKED_IN', 'NOT_CONFIRMED'],
  ])('skips a %s appointment (%s)', async (status, skipped) => {
    h.update({ status });
    expect(await remind('1h')).toMatchObject({ skipped });
    expect(h.stored()).toEqual([]);
  });

  it('skips a reminder that runs after the start (a late job)', async () => {
    h.clock.set(new Date(STARTS_AT.getTime() + 60_000));
    expect(await remind('1h')).toMatchObject({ skipped: 'STARTED' });
  });

  describe('a staff resend', () => {
    const resend = (lead?: '24h' | '1h') =>
      handler.execute(
        new SendAppointmentReminder({
          appointmentId: IDS.appointment,
          lead,
          resend: { actor: admin },
        }),
      );

    it('picks the wording from the time left, and always queues new messages', async () => {
      const early = await resend();
      expect(h.repo.rows.get(early.messageIds[0])?.template).toBe('appointment-reminder-24h');
      h.clock.set(new Date(STARTS_AT.getTime() - 90 * 60_000));
      const soon = await resend();
      const again = await resend();
      expect(h.repo.rows.get(soon.messageIds[0])?.template).toBe('appointment-reminder-1h');
      expect(again.messageIds).not.toEqual(soon.messageIds);
      expect(h.stored()).toHaveLength(6);
    });

    it('refuses a cancelled appointment', async () => {
      h.update({ status: 'CANCELLED' });
      await expect(resend()).rejects.toThrow(AppointmentCancelledError);
    });
  });
});
