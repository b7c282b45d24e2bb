import type { Actor } from '@carebook/core';
import type { Appointment } from '../domain/appointment';
import type { AppointmentRepository } from '../domain/appointment.repository';
import { AppointmentAccessPolicy, AppointmentAction } from './appointment-access-policy';

/**
 * The appointment `actor` may do `action` to: 404 when it does not exist or lies outside their
 * reach, 403 when they see it but may not do this. `forUpdate` row-locks it (in a transaction).
 */
export async function loadAppointmentFor(
  appointments: AppointmentRepository,
  actor: Actor,
  id: string,
  action: AppointmentAction,
  options: { forUpdate?: boolean } = {},
): Promise<Appointment> {
  const appointment = options.forUpdate
    ? await appointments.findByIdForUpdate(id)
    : await appointments.findById(id);
  if (!appointment) return AppointmentAccessPolicy.enforce('NOT_FOUND') as never;
  AppointmentAccessPolicy.enforce(
    AppointmentAccessPolicy.toAct(actor, action, appointment.snapshot()),
  );
  return appointment;
}
