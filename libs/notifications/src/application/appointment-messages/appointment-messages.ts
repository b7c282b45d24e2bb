import { Actor, Clock, NotFoundError, UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Recipient } from '../../domain/recipient';
import { SendMessage } from '../commands/send-message/send-message.command';
import { AppointmentRecord, AppointmentRecords } from '../ports/appointment-records';
import type { AppointmentMessageData, RenderedMessage } from '../templates/rendered-message';
import {
  AppointmentCancelledError,
  AppointmentNotConfirmedError,
  AppointmentNotUpcomingError,
} from './appointment-message.errors';

/** Why a scheduled confirmation or reminder sent nothing (a staff resend throws instead). */
export type AppointmentMessageSkip =
  'NOT_FOUND' | 'CANCELLED' | 'NOT_CONFIRMED' | 'STARTED' | 'RESCHEDULED';

/** What a confirmation or reminder command did. */
export interface AppointmentMessagesOutcome {
  appointmentId: string;
  /**
   * The messages queued: to the patient's phone (on their preferred channel), then to their
   * e-mail address when they have one. A repeat answers the first run's ids.
   */
  messageIds: string[];
  /** Set when nothing was sent, and why. */
  skipped?: AppointmentMessageSkip;
}

// `.ics` SEQUENCE from the appointment's last change: grows with every reschedule and stays a
// 32-bit integer (seconds since 2020) until 2088.
const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

/**
 * What confirmations and reminders share: reading the appointment and the people it concerns,
 * the rule for when an appointment may be messaged, and queueing one message to the patient's
 * phone plus one to their e-mail address.
 */
@Injectable()
export class AppointmentMessages {
  constructor(
    private readonly records: AppointmentRecords,
    private readonly commands: CommandBus,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * The appointment to message now, or the outcome of skipping it: unknown, cancelled, not (or no
   * longer) CONFIRMED, started, or (a scheduled job, `startsAt` given) moved since it was
   * scheduled. A staff resend (`resend.actor`) sees the appointment as that actor does (404
   * otherwise) and is refused with an error instead of skipped.
   */
  async messageable(input: {
    appointmentId: string;
    startsAt?: string;
    resend?: { actor: Actor };
  }): Promise<{ appointment: AppointmentRecord } | { skipped: AppointmentMessagesOutcome }> {
    const { appointmentId, resend } = input;
    const skip = (skipped: AppointmentMessageSkip) => ({
      skipped: { appointmentId, messageIds: [], skipped },
    });
    const appointment = await this.records.appointment(appointmentId, resend?.actor);
    if (!appointment) {
      if (resend) throw new NotFoundError('Appointment');
      return skip('NOT_FOUND');
    }
    const obstacle = this.obstacle(appointment);
    if (obstacle && resend) throw refusal(obstacle, appointment);
    if (obstacle) return skip(obstacle);
    if (!resend && input.startsAt && Date.parse(input.startsAt) !== appointment.startsAt.getTime())
      return skip('RESCHEDULED');
    return { appointment };
  }

  /** Why this appointment may not be messaged now; undefined when it may (CONFIRMED, ahead). */
  private obstacle(appointment: AppointmentRecord): AppointmentMessageSkip | undefined {
    if (appointment.status === 'CANCELLED') return 'CANCELLED';
    if (appointment.status !== 'CONFIRMED') return 'NOT_CONFIRMED';
    if (appointment.startsAt.getTime() <= this.clock.now().getTime()) return 'STARTED';
    return undefined;
  }

  /** The template data: patient, clinician and centre as they are now. */
  async dataFor(appointment: AppointmentRecord) {
    const [patient, clinicianName, centre] = await Promise.all([
      this.records.patient(appointment.patientId),
      this.records.clinicianName(appointment.clinicianId),
      this.records.centre(appointment.centreId),
    ]);
    if (!patient) throw new NotFoundError('Patient');
    if (!clinicianName) throw new NotFoundError('Clinician');
    if (!centre) throw new NotFoundError('Centre');
    const data: AppointmentMessageData = {
      appointmentId: appointment.id,
      patientName: patient.fullName?.trim() || 'there',
      clinicianName,
      centreName: centre.name,
      centreAddress: centre.address ?? undefined,
      centreTimeZone: centre.timeZone,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      sessionType: appointment.sessionType,
      joinUrl: appointment.meetLink ?? undefined,
    };
    const revision = Math.max(
      0,
      Math.floor((appointment.updatedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000),
    );
    return { data, patient, revision };
  }

  /**
   * Queues `message` to the patient's phone (SendMessage picks their preferred channel) and,
   * with the `.ics` when it has one, to their e-mail address, in one transaction. `key`
   * names the logical message: each address gets `<key>:phone` / `<key>:email`, so a
   * repeat queues nothing new.
   */
  async queue(
    appointment: AppointmentRecord,
    contact: { phone: string; email: string | null },
    message: RenderedMessage,
    key: string,
  ): Promise<string[]> {
    const about = {
      centreId: appointment.centreId,
      patientId: appointment.patientId,
      appointmentId: appointment.id,
    };
    const phone = new SendMessage({
      to: contact.phone,
      template: message.template,
      subject: message.subject,
      body: message.body,
      idempotencyKey: `${key}:phone`,
      about,
    });
    const email =
      contact.email && Recipient.isValid(contact.email)
        ? new SendMessage({
            to: contact.email,
            ...message,
            idempotencyKey: `${key}:email`,
            about,
          })
        : undefined;
    return this.uow.run(async () => {
      const ids = [(await this.commands.execute(phone)).messageId];
      if (email) ids.push((await this.commands.execute(email)).messageId);
      return ids;
    });
  }
}

/** The error a staff resend answers for an obstacle. */
function refusal(obstacle: AppointmentMessageSkip, appointment: AppointmentRecord): Error {
  if (obstacle === 'CANCELLED') return new AppointmentCancelledError();
  if (obstacle === 'STARTED') return new AppointmentNotUpcomingError();
  return new AppointmentNotConfirmedError(appointment.status);
}
