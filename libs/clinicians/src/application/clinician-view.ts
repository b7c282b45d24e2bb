import type { ClinicianState } from '../domain/clinician';
import type { TimeOffState } from '../domain/time-off';
import type { AvailabilityDto, TimeOffDto } from './dto/availability.dto';
import type { ClinicianDto } from './dto/clinician.dto';

/** The DTO of a clinician's state; the name comes from their staff user. */
export function clinicianStateToDto(s: Readonly<ClinicianState>, fullName: string): ClinicianDto {
  return {
    id: s.id,
    userId: s.userId,
    fullName,
    specializations: [...s.specializations],
    qualifications: [...s.qualifications],
    languages: [...s.languages],
    yearsOfExperience: s.yearsOfExperience,
    consultationFee: { amount: s.fee.amount, currency: s.fee.currency },
    consultationDurationMinutes: s.consultationDurationMinutes,
    bio: s.bio,
    photoUrl: s.photoUrl,
    primaryCentreId: s.primaryCentreId,
    centreIds: [...s.centreIds].sort(),
    settings: {
      bufferBeforeMinutes: s.bufferBeforeMinutes,
      bufferAfterMinutes: s.bufferAfterMinutes,
      minNoticeMinutes: s.minNoticeMinutes,
      horizonDays: s.horizonDays,
      dailyCap: s.dailyCap,
    },
    isActive: s.isActive,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** A stretch of time off; `reason` only for those who may see it. */
export function timeOffToDto(
  t: Readonly<Pick<TimeOffState, 'id' | 'startsAt' | 'endsAt' | 'reason'>>,
  withReason: boolean,
): TimeOffDto {
  const dto: TimeOffDto = {
    id: t.id,
    startsAt: t.startsAt.toISOString(),
    endsAt: t.endsAt.toISOString(),
  };
  if (withReason) dto.reason = t.reason;
  return dto;
}

/** The week and the time off of a clinician, as the availability routes answer. */
export function availabilityToDto(
  s: Readonly<ClinicianState>,
  timeOff: ReadonlyArray<Pick<TimeOffState, 'id' | 'startsAt' | 'endsAt' | 'reason'>>,
  withReasons: boolean,
): AvailabilityDto {
  return {
    clinicianId: s.id,
    rules: s.availability.toInputs(),
    timeOff: timeOff.map((t) => timeOffToDto(t, withReasons)),
  };
}
