import type { Actor, Page } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { AppointmentStatus } from '../../../domain/appointment-status';
import type { AppointmentDto } from '../../dto/appointment.dto';

export interface AppointmentFilter {
  centreId?: string;
  clinicianId?: string;
  patientId?: string;
  /** Only the signed-in clinician's own appointments. */
  mine?: boolean;
  status?: AppointmentStatus;
  /** Starts at or after: an instant, or a local date (centre's zone with `centreId`, else UTC). */
  from?: string;
  /** Starts before: an instant, or a local date included whole. */
  to?: string;
  page: number;
  limit: number;
}

/**
 * Appointments by start time within the actor's reach: a patient's own (other filters but
 * status and time are ignored), staff their centres' (ADMIN and MANAGER all). A filter outside
 * that reach simply matches nothing.
 */
export class ListAppointments extends Query<Page<AppointmentDto>> {
  constructor(
    readonly actor: Actor,
    readonly filter: AppointmentFilter,
  ) {
    super();
  }
}
