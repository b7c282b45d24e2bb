import { Clock, newId } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AppointmentMessages,
  AppointmentMessagesOutcome,
} from '../../appointment-messages/appointment-messages';
import {
  appointmentReminderMessage,
  ReminderLead,
} from '../../templates/appointment-reminder.template';
import { SendAppointmentReminder } from './send-appointment-reminder.command';

/** A resend closer to the start than this says "starts soon, at ..." (the 1 h wording). */
const SOON_MS = 90 * 60_000;

@CommandHandler(SendAppointmentReminder)
export class SendAppointmentReminderHandler implements ICommandHandler<SendAppointmentReminder> {
  constructor(
    private readonly messages: AppointmentMessages,
    private readonly clock: Clock,
  ) {}

  async execute({ input }: SendAppointmentReminder): Promise<AppointmentMessagesOutcome> {
    const { appointmentId, resend } = input;
    const found = await this.messages.messageable(input);
    if ('skipped' in found) return found.skipped;
    const { appointment } = found;
    const startsAtMs = appointment.startsAt.getTime();

    const lead: ReminderLead =
      input.lead ?? (startsAtMs - this.clock.now().getTime() <= SOON_MS ? '1h' : '24h');
    const { data, patient } = await this.messages.dataFor(appointment);
    const key = [`appointment-reminder-${lead}`, appointmentId, startsAtMs]
      .concat(resend ? [`resend-${newId()}`] : [])
      .join(':');
    const messageIds = await this.messages.queue(
      appointment,
      patient,
      appointmentReminderMessage(data, lead),
      key,
    );
    return { appointmentId, messageIds };
  }
}
