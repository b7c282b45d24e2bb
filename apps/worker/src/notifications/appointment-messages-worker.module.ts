import { NotificationsModule } from '@carebook/notifications';
import { PatientsModule } from '@carebook/patients';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppointmentMessageScheduler } from './appointment-message.scheduler';
import { AppointmentMessagesProcessor } from './appointment-messages.processor';
import { APPOINTMENT_MESSAGES_QUEUE } from './appointment-messages.queue';
import { MoveAppointmentReminders } from './move-appointment-reminders.handler';
import { RemoveAppointmentReminders } from './remove-appointment-reminders.handler';
import { ScheduleAppointmentMessages } from './schedule-appointment-messages.handler';

const processors = [AppointmentMessagesProcessor];
const eventHandlers = [
  ScheduleAppointmentMessages,
  MoveAppointmentReminders,
  RemoveAppointmentReminders,
];

/**
 * Appointment confirmations and reminders: booking events -> `appointment-messages` jobs
 * (delayed for reminders) -> SendAppointmentConfirmation / SendAppointmentReminder, which
 * queue messages that the `deliver` pipeline sends. Patients answers the contact look-ups.
 */
@Module({
  imports: [
    NotificationsModule,
    PatientsModule,
    BullModule.registerQueue({ name: APPOINTMENT_MESSAGES_QUEUE }),
  ],
  providers: [...processors, ...eventHandlers, AppointmentMessageScheduler],
})
export class AppointmentMessagesWorkerModule {}
