import type { ClinicianState } from '../domain/clinician';
import { TimeOff } from '../domain/time-off';
import type { WeeklyAvailability } from '../domain/weekly-availability';
import { ClinicianOrmEntity } from './clinician.orm-entity';

/** Rows of `clinicians` and `clinician_time_off` to and from the domain. */

export interface TimeOffRow {
  id: string;
  clinician_id: string;
  starts_at: Date;
  ends_at: Date;
  reason: string;
  created_at: Date;
}

export const TIME_OFF_COLUMNS = `id, clinician_id, lower(during) AS starts_at, upper(during) AS ends_at, reason, created_at`;

export function toState(
  row: ClinicianOrmEntity,
  centreIds: string[],
  availability: WeeklyAvailability,
): ClinicianState {
  return {
    id: row.id,
    userId: row.userId,
    specializations: row.specializations,
    qualifications: row.qualifications,
    languages: row.languages,
    yearsOfExperience: row.yearsOfExperience,
    fee: { amount: row.feeAmount, currency: row.feeCurrency },
    consultationDurationMinutes: row.consultationDurationMinutes,
    bio: row.bio,
    photoUrl: row.photoUrl,
    primaryCentreId: row.primaryCentreId,
    centreIds,
    bufferBeforeMinutes: row.bufferBeforeMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    minNoticeMinutes: row.minNoticeMinutes,
    horizonDays: row.horizonDays,
    dailyCap: row.dailyCap,
    availability,
    isActive: row.isActive,
    deletedAt: row.deletedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toRow(s: Readonly<ClinicianState>): ClinicianOrmEntity {
  return Object.assign(new ClinicianOrmEntity(), {
    id: s.id,
    userId: s.userId,
    specializations: s.specializations,
    qualifications: s.qualifications,
    languages: s.languages,
    yearsOfExperience: s.yearsOfExperience,
    feeAmount: s.fee.amount,
    feeCurrency: s.fee.currency,
    consultationDurationMinutes: s.consultationDurationMinutes,
    bio: s.bio,
    photoUrl: s.photoUrl,
    primaryCentreId: s.primaryCentreId,
    bufferBeforeMinutes: s.bufferBeforeMinutes,
    bufferAfterMinutes: s.bufferAfterMinutes,
    minNoticeMinutes: s.minNoticeMinutes,
    horizonDays: s.horizonDays,
    dailyCap: s.dailyCap,
    isActive: s.isActive,
    deletedAt: s.deletedAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  });
}

export function toTimeOff(row: TimeOffRow): TimeOff {
  return TimeOff.restore({
    id: row.id,
    clinicianId: row.clinician_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    reason: row.reason,
    createdAt: row.created_at,
  });
}
