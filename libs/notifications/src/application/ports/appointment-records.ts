import type { Actor } from '@carebook/core';

/** An appointment as its messages need it (times as instants; ids of other contexts). */
export interface AppointmentRecord {
  id: string;
  patientId: string;
  clinicianId: string;
  centreId: string;
  startsAt: Date;
  endsAt: Date;
  sessionType: 'IN_PERSON' | 'ONLINE';
  status: string;
  meetLink: string | null;
  updatedAt: Date;
}

/** Where a patient can be reached. */
export interface PatientContact {
  fullName: string | null;
  phone: string;
  email: string | null;
}

/** The centre as a message names it. */
export interface CentreRecord {
  name: string;
  address: string | null;
  timeZone: string;
}

/**
 * Port: what appointment messages say, read from the booking, patients, clinicians and centres
 * contexts (their queries). Each answers undefined when the record does not exist.
 */
export abstract class AppointmentRecords {
  /**
   * The appointment; with `actor`, only one that actor may see (NOT_FOUND otherwise is
   * answered as undefined as well). Without, as the platform sees it (any centre).
   */
  abstract appointment(
    appointmentId: string,
    actor?: Actor,
  ): Promise<AppointmentRecord | undefined>;
  abstract patient(patientId: string): Promise<PatientContact | undefined>;
  /** As patients know them, e.g. `Dr. Meera Iyer`. */
  abstract clinicianName(clinicianId: string): Promise<string | undefined>;
  abstract centre(centreId: string): Promise<CentreRecord | undefined>;
}
