import type { NewAppointment } from '../domain/appointment';
import type { FreeSlot } from '../domain/slots/slot.types';
import type { ClinicianSchedule } from './ports/clinician-schedules';
import type { PatientCard } from './ports/patient-directory';

/** What every booking of a free slot takes from the slot, the clinician's schedule and the patient. */
export function slotTerms(
  schedule: ClinicianSchedule,
  slot: FreeSlot,
  patient: PatientCard,
): Pick<
  NewAppointment,
  | 'patientId'
  | 'patientName'
  | 'clinicianId'
  | 'clinicianUserId'
  | 'centreId'
  | 'startsAt'
  | 'endsAt'
  | 'bufferBeforeMinutes'
  | 'bufferAfterMinutes'
  | 'sessionType'
  | 'fee'
> {
  return {
    patientId: patient.id,
    patientName: patient.fullName,
    clinicianId: schedule.clinicianId,
    clinicianUserId: schedule.userId,
    centreId: slot.centreId,
    startsAt: new Date(slot.startsAt),
    endsAt: new Date(slot.endsAt),
    bufferBeforeMinutes: schedule.bufferBeforeMinutes,
    bufferAfterMinutes: schedule.bufferAfterMinutes,
    sessionType: slot.sessionType,
    fee: schedule.fee,
  };
}
