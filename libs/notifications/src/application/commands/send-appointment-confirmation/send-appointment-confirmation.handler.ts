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
    const appointment = await this.messages.load(appointmentId, resend?.actor);
    if (!appointment) return { appointmentId, messageIds: [], skipped: 'NOT_FOUND' };
    const obstacle = this.messages.obstacle(appointment);
    if (obstacle && resend) throw this.messages.refusal(obstacle, appointment);
    if (obstacle) return { appointmentId, messageIds: [], skipped: obstacle };
    const startsAtMs = appointment.startsAt.getTime();
    if (!resend && input.startsAt && Date.parse(input.startsAt) !== startsAtMs)
      return { appointmentId, messageIds: [], skipped: 'RESCHEDULED' };

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
