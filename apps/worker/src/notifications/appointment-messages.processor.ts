import {
  AppointmentMessagesOutcome,
  SendAppointmentConfirmation,
  SendAppointmentReminder,
} from '@carebook/notifications';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { Job, UnrecoverableError } from 'bullmq';
import { failFastOnPermanent } from '../fail-fast';
import {
  APPOINTMENT_MESSAGES_QUEUE,
  CONFIRMATION_JOB,
  ConfirmationJob,
  REMINDER_JOB,
  ReminderJob,
} from './appointment-messages.queue';

/**
 * Runs `SendAppointmentConfirmation` / `SendAppointmentReminder` for each job; the commands
 * re-check the appointment and key each message, so a job that runs twice sends once. The
 * outcome (message ids, or why it skipped) is the job's return value. A non-retryable
 * DomainError fails the job at once; other errors retry with backoff.
 */
@Processor(APPOINTMENT_MESSAGES_QUEUE, { concurrency: 10 })
export class AppointmentMessagesProcessor extends WorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job<ConfirmationJob | ReminderJob>): Promise<AppointmentMessagesOutcome> {
    return failFastOnPermanent(async () => {
      if (job.name === CONFIRMATION_JOB) {
        const { appointmentId, startsAt, rescheduleEventId } = job.data as ConfirmationJob;
        return await this.commands.execute(
          new SendAppointmentConfirmation({ appointmentId, startsAt, rescheduleEventId }),
        );
      }
      if (job.name === REMINDER_JOB) {
        const { appointmentId, lead, startsAt } = job.data as ReminderJob;
        return await this.commands.execute(
          new SendAppointmentReminder({ appointmentId, lead, startsAt }),
        );
      }
      throw new UnrecoverableError(`unknown appointment-messages job ${job.name}`);
    });
  }
}
