/** Every message carebook sends, written in one place (pure functions, no I/O). */
export * from './rendered-message';
export { otpMessage } from './otp.template';
export type { OtpMessageData } from './otp.template';
export { appointmentConfirmationMessage } from './appointment-confirmation.template';
export type { AppointmentConfirmationData } from './appointment-confirmation.template';
export { appointmentReminderMessage } from './appointment-reminder.template';
export type { ReminderLead } from './appointment-reminder.template';
export { paymentLinkMessage } from './payment-link.template';
export type { PaymentLinkData } from './payment-link.template';
export { alertMessage } from './alert.template';
export type { AlertMessageData } from './alert.template';
export { centreDateTime, centreTime, zoneAbbreviation } from './format';
