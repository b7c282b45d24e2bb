/**
 * Port: the staff user behind a clinician profile (booking events name the clinician profile,
 * sockets sit in their user's room). Undefined for an unknown or deleted clinician.
 */
export abstract class ClinicianUsers {
  abstract userIdOf(clinicianId: string): Promise<string | undefined>;
}
