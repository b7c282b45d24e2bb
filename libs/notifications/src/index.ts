/**
 * @carebook/notifications: messages over SMS, WhatsApp, e-mail and the development `log`
 * channel. Queue one with `SendMessage` through the CommandBus (it joins the caller's
 * transaction); the worker delivers it with `DeliverMessage`.
 */
export * from './notifications.module';
export * from './message-sweep.module';
export * from './application/commands/send-message/send-message.command';
export * from './application/commands/deliver-message/deliver-message.command';
export * from './application/commands/requeue-stranded-messages/requeue-stranded-messages.command';
export * from './application/commands/record-delivery-report/record-delivery-report.command';
export * from './application/commands/set-channel-preference/set-channel-preference.command';
export * from './application/commands/send-appointment-confirmation/send-appointment-confirmation.command';
export * from './application/commands/send-appointment-reminder/send-appointment-reminder.command';
export * from './application/appointment-messages/appointment-message.errors';
export type {
  AppointmentMessageSkip,
  AppointmentMessagesOutcome,
} from './application/appointment-messages/appointment-messages';
export * from './application/queries/list-captured-messages/list-captured-messages.query';
export * from './application/queries/get-channel-status/get-channel-status.query';
export * from './application/dto/captured-message.dto';
export * from './application/dto/channel-status.dto';
export * from './application/queries/list-message-history/list-message-history.query';
export * from './application/queries/get-message-stats/get-message-stats.query';
export * from './application/queries/get-message/get-message.query';
export { MESSAGE_READER_ROLES } from './application/queries/message-read-model/message-scope';
export * from './application/dto/message-history.dto';
export * from './application/dto/message-stats.dto';
export * from './application/dto/appointment-messages.dto';
export * from './domain/events/message-queued.event';
export * from './domain/message.errors';
export { CHANNELS, DELIVERY_STATUSES, MESSAGE_STATUSES } from './domain/channel';
export type { Channel, DeliveryStatus, MessageStatus } from './domain/channel';
export type { CalendarEvent } from './domain/calendar-event';
export type { MessageAbout } from './domain/message-draft';
/** Every message's subject, text and HTML, in the centre's local time. */
export * from './application/templates/templates';
export { MessageChannel } from './application/ports/message-channel';
/** What the worker implements so that the sweep can give messages their `deliver` job back. */
export { DeliveryQueue } from './application/ports/delivery-queue';
export type { QueuedDelivery } from './application/ports/delivery-queue';
export type { ChannelReceipt, OutgoingMessage } from './application/ports/message-channel';
/** The development channel; exported so tests can swap it for a failing fake. */
export { LogChannel } from './infrastructure/channels/log.channel';
