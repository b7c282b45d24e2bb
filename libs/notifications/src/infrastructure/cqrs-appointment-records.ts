import { GetCentre } from '@carebook/centres';
import { Actor, NotFoundError, Role, StaffActor } from '@carebook/core';
import { GetPatient } from '@carebook/patients';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  AppointmentRecord,
  AppointmentRecords,
  CentreRecord,
  PatientContact,
} from '../application/ports/appointment-records';

/**
 * Booking and clinicians are required on first use, not imported: clinicians builds on
 * identity, which sends its OTPs through this library, so a static import would close the
 * require cycle notifications -> booking -> clinicians -> identity -> notifications (and
 * whichever barrel loads first would see another half-loaded).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const booking = (): typeof import('@carebook/booking') => require('@carebook/booking');
const clinicians = (): typeof import('@carebook/clinicians') => require('@carebook/clinicians');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Stands for no user: the worker reads as the platform, which reaches every centre. */
const PLATFORM: StaffActor = {
  kind: 'staff',
  id: '00000000-0000-0000-0000-000000000000',
  role: Role.ADMIN,
  centreIds: [],
};

/** The records through the contexts' queries (GetAppointment, GetPatient, GetClinician, GetCentre). */
@Injectable()
export class CqrsAppointmentRecords extends AppointmentRecords {
  constructor(private readonly queries: QueryBus) {
    super();
  }

  async appointment(appointmentId: string, actor?: Actor): Promise<AppointmentRecord | undefined> {
    const { GetAppointment } = booking();
    const a = await orUndefined(
      this.queries.execute(new GetAppointment(actor ?? PLATFORM, appointmentId)),
    );
    if (!a) return undefined;
    return {
      id: a.id,
      patientId: a.patientId,
      clinicianId: a.clinicianId,
      centreId: a.centreId,
      startsAt: new Date(a.startsAt),
      endsAt: new Date(a.endsAt),
      sessionType: a.sessionType,
      status: a.status,
      meetLink: a.meetLink,
      updatedAt: new Date(a.updatedAt),
    };
  }

  async patient(patientId: string): Promise<PatientContact | undefined> {
    const p = await orUndefined(this.queries.execute(new GetPatient(patientId)));
    return p && { fullName: p.fullName, phone: p.phone, email: p.email };
  }

  async clinicianName(clinicianId: string): Promise<string | undefined> {
    const { GetClinician } = clinicians();
    const c = await orUndefined(this.queries.execute(new GetClinician(clinicianId, PLATFORM)));
    return c?.fullName;
  }

  async centre(centreId: string): Promise<CentreRecord | undefined> {
    const c = await orUndefined(this.queries.execute(new GetCentre(centreId, PLATFORM)));
    return c && { name: c.name, address: c.address || null, timeZone: c.timeZone };
  }
}

async function orUndefined<T>(answer: Promise<T>): Promise<T | undefined> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
