import { Actor, Clock } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import type { Appointment } from '../../../domain/appointment';
import { SlotUnavailableError } from '../../../domain/appointment.errors';
import { AppointmentRepository } from '../../../domain/appointment.repository';
import { BookingPolicy } from '../../booking-policy';
import { ClinicianCalendar } from '../../clinician-calendar';
import { loadAppointmentFor } from '../../load-appointment';
import { ClinicianSchedules } from '../../ports/clinician-schedules';

/**
 * Moves an appointment under its clinician's lock: the lock comes first (expiring due holds,
 * this one included), then the row, the rules, the slot and the write. Shared by the patient's
 * reschedule and the staff edit.
 */
@Injectable()
export class AppointmentMover {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly schedules: ClinicianSchedules,
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
    const schedule = await this.schedules.get(current.clinicianId);
    return this.appointments.withClinicianLock(current.clinicianId, async () => {
      const appointment = await loadAppointmentFor(this.appointments, actor, id, 'reschedule', {
        forUpdate: true,
      });
      const now = this.clock.now();
      const by = { kind: actor.kind, patientCutoffMinutes: this.policy.patientCutoffMinutes };
      appointment.assertMovable(now, by);
      const s = appointment.snapshot();
      const slot =
        schedule?.isActive &&
        (await this.calendar.slotAt(schedule, startsAt, {
          sessionType: s.sessionType,
          centreId: s.centreId,
          exceptId: s.id,
          anyNotice: actor.kind === 'staff',
        }));
      if (!schedule || !slot) throw new SlotUnavailableError();
      appointment.reschedule(
        {
          startsAt: new Date(slot.startsAt),
          endsAt: new Date(slot.endsAt),
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
