import { FieldError, isUuid, ValidationFailedError } from '@carebook/core';

/** A price in minor units (paise, cents) of an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/** What patients see about a clinician (the name lives with the staff user in identity). */
export interface ClinicianProfile {
  specializations: string[];
  qualifications: string[];
  languages: string[];
  yearsOfExperience: number;
  fee: Money;
  consultationDurationMinutes: number;
  bio: string | null;
  photoUrl: string | null;
}

/** How bookable time is cut: buffers around each appointment, notice, horizon and cap. */
export interface ClinicianSettings {
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  /** Most bookings per local day; null for no cap. */
  dailyCap: number | null;
}

/** Where a clinician practises: `centreIds` always includes the primary centre. */
export interface ClinicianPlacement {
  primaryCentreId: string;
  centreIds: string[];
}

export const DEFAULT_SETTINGS: Readonly<ClinicianSettings> = {
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 120,
  horizonDays: 60,
  dailyCap: null,
};

/** The given settings over the defaults (undefined means "not given"). */
export function settingsWithDefaults(given: Partial<ClinicianSettings> = {}): ClinicianSettings {
  const set = Object.entries(given).filter(([, value]) => value !== undefined);
  return { ...DEFAULT_SETTINGS, ...(Object.fromEntries(set) as Partial<ClinicianSettings>) };
}

/** The limits of the rules below, shared with the DTOs so Swagger and the domain agree. */
export const LIMITS = {
  listItems: 20,
  specialization: 100,
  qualification: 200,
  language: 50,
  yearsOfExperience: 80,
  feeAmount: 100_000_000,
  durationMinutes: { min: 5, max: 480 },
  bufferMinutes: 120,
  minNoticeMinutes: 43_200,
  horizonDays: 365,
  dailyCap: 1000,
  bio: 5000,
  photoUrl: 2000,
  centres: 50,
} as const;

/** Trims text, turns blank optional text into null and drops repeated list entries. */
export function normaliseProfile(p: ClinicianProfile): ClinicianProfile {
  return {
    specializations: distinct(p.specializations),
    qualifications: distinct(p.qualifications),
    languages: distinct(p.languages),
    yearsOfExperience: p.yearsOfExperience,
    fee: { amount: p.fee.amount, currency: p.fee.currency.trim().toUpperCase() },
    consultationDurationMinutes: p.consultationDurationMinutes,
    bio: p.bio?.trim() || null,
    photoUrl: p.photoUrl?.trim() || null,
  };
}

/** The primary centre first, then the others, each once and lower case. */
export function normalisePlacement(
  primaryCentreId: string,
  others: readonly string[],
): ClinicianPlacement {
  const primary = primaryCentreId.toLowerCase();
  return {
    primaryCentreId: primary,
    centreIds: [...new Set([primary, ...others.map((id) => id.toLowerCase())])],
  };
}

/**
 * Every rule of a profile, its settings and its centres, checked at once so a form gets every
 * problem in one answer. The database repeats the cheap ones as CHECK constraints.
 */
export function assertValidClinician(
  profile: ClinicianProfile,
  settings: ClinicianSettings,
  placement: ClinicianPlacement,
): void {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  checkList(profile.specializations, 'specializations', LIMITS.specialization, 1, fail);
  checkList(profile.qualifications, 'qualifications', LIMITS.qualification, 0, fail);
  checkList(profile.languages, 'languages', LIMITS.language, 1, fail);
  if (!isWhole(profile.yearsOfExperience, 0, LIMITS.yearsOfExperience))
    fail(
      'yearsOfExperience',
      `yearsOfExperience must be a whole number from 0 to ${LIMITS.yearsOfExperience}`,
    );
  if (!isWhole(profile.fee.amount, 0, LIMITS.feeAmount))
    fail(
      'consultationFee.amount',
      'consultationFee.amount must be a whole number of minor units (paise), 0 or more',
    );
  if (!/^[A-Z]{3}$/.test(profile.fee.currency))
    fail(
      'consultationFee.currency',
      'consultationFee.currency must be an ISO 4217 code such as INR',
    );
  const { min, max } = LIMITS.durationMinutes;
  if (!isWhole(profile.consultationDurationMinutes, min, max))
    fail(
      'consultationDurationMinutes',
      `consultationDurationMinutes must be a whole number from ${min} to ${max}`,
    );
  if (profile.bio !== null && profile.bio.length > LIMITS.bio)
    fail('bio', `bio must have at most ${LIMITS.bio} characters`);
  if (profile.photoUrl !== null && !isWebUrl(profile.photoUrl))
    fail('photoUrl', 'photoUrl must be an http(s) URL');
  checkSettings(settings, fail);
  if (!isUuid(placement.primaryCentreId)) fail('primaryCentreId', 'primaryCentreId must be a UUID');
  if (placement.centreIds.some((id) => !isUuid(id))) fail('centreIds', 'centreIds must be UUIDs');
  if (placement.centreIds.length > LIMITS.centres)
    fail('centreIds', `a clinician practises at ${LIMITS.centres} centres at most`);
  if (errors.length) throw new ValidationFailedError(errors);
}

function checkSettings(s: ClinicianSettings, fail: (field: string, message: string) => void): void {
  const field = (name: string) => `settings.${name}`;
  if (!isWhole(s.bufferBeforeMinutes, 0, LIMITS.bufferMinutes))
    fail(
      field('bufferBeforeMinutes'),
      `bufferBeforeMinutes must be a whole number from 0 to ${LIMITS.bufferMinutes}`,
    );
  if (!isWhole(s.bufferAfterMinutes, 0, LIMITS.bufferMinutes))
    fail(
      field('bufferAfterMinutes'),
      `bufferAfterMinutes must be a whole number from 0 to ${LIMITS.bufferMinutes}`,
    );
  if (!isWhole(s.minNoticeMinutes, 0, LIMITS.minNoticeMinutes))
    fail(
      field('minNoticeMinutes'),
      `minNoticeMinutes must be a whole number from 0 to ${LIMITS.minNoticeMinutes}`,
    );
  if (!isWhole(s.horizonDays, 1, LIMITS.horizonDays))
    fail(
      field('horizonDays'),
      `horizonDays must be a whole number from 1 to ${LIMITS.horizonDays}`,
    );
  if (s.dailyCap !== null && !isWhole(s.dailyCap, 1, LIMITS.dailyCap))
    fail(field('dailyCap'), `dailyCap must be null or a whole number from 1 to ${LIMITS.dailyCap}`);
}

function checkList(
  items: readonly string[],
  field: string,
  maxLength: number,
  minItems: number,
  fail: (field: string, message: string) => void,
): void {
  if (items.length < minItems) fail(field, `${field} must have at least ${minItems} entry`);
  if (items.length > LIMITS.listItems)
    fail(field, `${field} must have at most ${LIMITS.listItems} entries`);
  if (items.some((item) => item.length < 1 || item.length > maxLength))
    fail(field, `each entry of ${field} must have 1 to ${maxLength} characters`);
}

/** Trimmed, blanks dropped, each entry once (case-insensitively; the first spelling wins). */
function distinct(items: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items.map((i) => i.trim()).filter(Boolean)) {
    const key = item.toLowerCase();
    if (!seen.has(key)) out.push(item);
    seen.add(key);
  }
  return out;
}

function isWhole(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function isWebUrl(value: string): boolean {
  if (value.length > LIMITS.photoUrl) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
