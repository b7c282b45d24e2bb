import { newId } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AppointmentMessages,
  AppointmentMessagesOutcome,
} from '../../appointment-messages/appointment-messages';
import { appointmentConfirmationMessage } from '../../templates/appointment-confirmation.template';
import { SendAppointmentConfirmation } from './send-appointment-confirmation.command';

@CommandHandler(SendAppointmentConfirmation)
export class SendAppointmentConfirmationHandler implements ICommandHandler<SendAppointmentConfirmation> {
  constructor(private readonly messages: AppointmentMessages) {}

  async execute({ input }: SendAppointmentConfirmation): Promise<AppointmentMessagesOutcome> {
    const { appointmentId, resend } = input;
    const found = await this.messages.messageable(input);
    if ('skipped' in found) return found.skipped;
    const { appointment } = found;
    const startsAtMs = appointment.startsAt.getTime();

    const { data, patient, revision } = await this.messages.dataFor(appointment);
    const occasion = resend ? `resend-${newId()}` : input.rescheduleEventId;
    const key = ['appointment-confirmation', appointmentId, startsAtMs, occasion]
      .filter((part) => part !== undefined)
      .join(':');
    const messageIds = await this.messages.queue(
      appointment,
      patient,
      appointmentConfirmationMessage({ ...data, revision }),
      key,
    );
    return { appointmentId, messageIds };
  }
}
