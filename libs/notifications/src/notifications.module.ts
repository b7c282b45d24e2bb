import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliverMessageHandler } from './application/commands/deliver-message/deliver-message.handler';
import { RecordDeliveryReportHandler } from './application/commands/record-delivery-report/record-delivery-report.handler';
import { SetChannelPreferenceHandler } from './application/commands/set-channel-preference/set-channel-preference.handler';
import { SendMessageHandler } from './application/commands/send-message/send-message.handler';
import { SendAppointmentConfirmationHandler } from './application/commands/send-appointment-confirmation/send-appointment-confirmation.handler';
import { SendAppointmentReminderHandler } from './application/commands/send-appointment-reminder/send-appointment-reminder.handler';
import { AppointmentMessages } from './application/appointment-messages/appointment-messages';
import { AppointmentRecords } from './application/ports/appointment-records';
import { CqrsAppointmentRecords } from './infrastructure/cqrs-appointment-records';
import { MessageChannels } from './application/ports/message-channel';
import { GetChannelStatusHandler } from './application/queries/get-channel-status/get-channel-status.handler';
import { ListCapturedMessagesHandler } from './application/queries/list-captured-messages/list-captured-messages.handler';
import { GetMessageHandler } from './application/queries/get-message/get-message.handler';
import { GetMessageStatsHandler } from './application/queries/get-message-stats/get-message-stats.handler';
import { ListMessageHistoryHandler } from './application/queries/list-message-history/list-message-history.handler';
import { ChannelPreferences } from './domain/channel-preferences';
import { MessageRepository } from './domain/message.repository';
import { ConfiguredMessageChannels } from './infrastructure/channels/configured-message-channels';
import { LogChannel } from './infrastructure/channels/log.channel';
import { providerChannels } from './infrastructure/channels/provider-channels';
import { MessageLogOrmEntity } from './infrastructure/message-log.orm-entity';
import { TypeormChannelPreferences } from './infrastructure/typeorm-channel-preferences';
import { TypeormMessageRepository } from './infrastructure/typeorm-message.repository';

const commandHandlers = [
  SendMessageHandler,
  DeliverMessageHandler,
  RecordDeliveryReportHandler,
  SetChannelPreferenceHandler,
  SendAppointmentConfirmationHandler,
  SendAppointmentReminderHandler,
];
const queryHandlers = [
  ListCapturedMessagesHandler,
  GetChannelStatusHandler,
  ListMessageHistoryHandler,
  GetMessageStatsHandler,
  GetMessageHandler,
];
const repositories = [
  { provide: MessageRepository, useClass: TypeormMessageRepository },
  { provide: ChannelPreferences, useClass: TypeormChannelPreferences },
];
const channels = [
  LogChannel,
  providerChannels,
  { provide: MessageChannels, useClass: ConfiguredMessageChannels },
];
/** Confirmations and reminders read booking, patients, clinicians and centres through their queries. */
const appointmentMessages = [
  AppointmentMessages,
  { provide: AppointmentRecords, useClass: CqrsAppointmentRecords },
];

/**
 * Notifications: messages to patients and staff (OTP, confirmations, reminders, alerts) over
 * SMS, WhatsApp, e-mail or the development `log` channel, each recorded in `message_log` with
 * its delivery status and attempts.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MessageLogOrmEntity])],
  providers: [...commandHandlers, ...queryHandlers, ...repositories, ...channels, ...appointmentMessages],
  // For MessageSweepModule (this context's own), not for other contexts: the barrel keeps these out.
  exports: [MessageRepository, MessageChannels],
})
export class NotificationsModule {}
