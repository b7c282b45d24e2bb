import { Actor, Clock } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import type { Appointment } from '../../../domain/appointment';
import { SlotUnavailableError } from '../../../domain/appointment.errors';
import { AppointmentRepository } from '../../../domain/appointment.repository';
import { BookingPolicy } from '../../booking-policy';
import { ClinicianCalendar } from '../../clinician-calendar';
import { loadAppointmentFor } from '../../load-appointment';

/**
 * Moves an appointment under its clinician's lock: the lock and the calendar come first (one
 * statement; due holds expired, this one included), then the row, the slot and the write. Shared by the patient's
 * reschedule and the staff edit.
 */
@Injectable()
export class AppointmentMover {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly calendar: ClinicianCalendar,
    private readonly policy: BookingPolicy,
    private readonly clock: Clock,
  ) {}

  /** Runs `more` on the moved appointment before it is saved (inside the same transaction). */
  async move(
    actor: Actor,
    id: string,
    startsAt: Date,
    more?: (a: Appointment) => void,
  ): Promise<Appointment> {
    const current = await loadAppointmentFor(this.appointments, actor, id, 'reschedule');
    return this.calendar.withLockAt(current.clinicianId, startsAt, current.id, async ({ schedule, slot }) => {
      const appointment = await loadAppointmentFor(this.appointments, actor, id, 'reschedule', {
        forUpdate: true,
      });
      const now = this.clock.now();
      const by = { kind: actor.kind, patientCutoffMinutes: this.policy.patientCutoffMinutes };
      appointment.assertMovable(now, by);
      const s = appointment.snapshot();
      const free =
        schedule?.isActive &&
        slot({
          sessionType: s.sessionType,
          centreId: s.centreId,
          anyNotice: actor.kind === 'staff',
        });
      if (!schedule || !free) throw new SlotUnavailableError();
      appointment.reschedule(
        {
          startsAt: new Date(free.startsAt),
          endsAt: new Date(free.endsAt),
          bufferBeforeMinutes: schedule.bufferBeforeMinutes,
          bufferAfterMinutes: schedule.bufferAfterMinutes,
        },
        now,
        by,
      );
      more?.(appointment);
      await this.appointments.save(appointment);
      return appointment;
    });
  }
}
