import { FieldError, normalisePhone, ValidationFailedError } from '@carebook/core';
import {
  BLOOD_GROUPS,
  EARLIEST_DATE_OF_BIRTH,
  EmergencyContact,
  GENDERS,
  MAX_EMERGENCY_CONTACTS,
  MAX_NAME_LENGTH,
  MAX_RELATIONSHIP_LENGTH,
  PatientProfile,
} from './patient-profile';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The record's invariants, whoever writes it (a DTO already checked the shapes for HTTP
 * callers; other contexts call the commands directly). Lists every broken field at once.
 * `today` is the latest calendar date anywhere on earth, so a newborn's date is never "future".
 */
export function profileErrors(profile: Partial<PatientProfile>, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (profile.fullName !== undefined && profile.fullName !== null) {
    if (!isName(profile.fullName))
      add('fullName', `fullName must have 1 to ${MAX_NAME_LENGTH} characters`);
  }
  if (profile.phone !== undefined && !isE164(profile.phone)) {
    add('phone', 'phone must be a valid phone number such as +919876543210');
  }
  if (profile.email !== undefined && profile.email !== null && !isEmail(profile.email)) {
    add('email', 'email must be an email address');
  }
  if (profile.dateOfBirth !== undefined && profile.dateOfBirth !== null) {
    const problem = dateOfBirthProblem(profile.dateOfBirth, now);
    if (problem) add('dateOfBirth', problem);
  }
  if (
    profile.gender !== undefined &&
    profile.gender !== null &&
    !GENDERS.includes(profile.gender)
  ) {
    add('gender', `gender must be one of ${GENDERS.join(', ')}`);
  }
  if (
    profile.bloodGroup !== undefined &&
    profile.bloodGroup !== null &&
    !BLOOD_GROUPS.includes(profile.bloodGroup)
  ) {
    add('bloodGroup', `bloodGroup must be one of ${BLOOD_GROUPS.join(', ')}`);
  }
  if (profile.emergencyContacts !== undefined)
    errors.push(...contactErrors(profile.emergencyContacts));
  return errors;
}

/** Throws VALIDATION_FAILED naming every broken field. */
export function assertValidProfile(profile: Partial<PatientProfile>, now: Date): void {
  const errors = profileErrors(profile, now);
  if (errors.length) throw new ValidationFailedError(errors);
}

/** The latest calendar date anywhere on earth (UTC+14) at `now`. */
export function latestDateOnEarth(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

function dateOfBirthProblem(value: string, now: Date): string | undefined {
  const m = DATE.exec(value);
  const date = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (!m || !date || date.toISOString().slice(0, 10) !== value) {
    return 'dateOfBirth must be a calendar date written YYYY-MM-DD';
  }
  if (value < EARLIEST_DATE_OF_BIRTH)
    return `dateOfBirth must not be before ${EARLIEST_DATE_OF_BIRTH}`;
  if (value > latestDateOnEarth(now)) return 'dateOfBirth must not be in the future';
  return undefined;
}

function contactErrors(contacts: readonly EmergencyContact[]): FieldError[] {
  if (!Array.isArray(contacts))
    return [{ field: 'emergencyContacts', message: 'emergencyContacts must be a list' }];
  const errors: FieldError[] = [];
  if (contacts.length > MAX_EMERGENCY_CONTACTS) {
    errors.push({
      field: 'emergencyContacts',
      message: `emergencyContacts must have at most ${MAX_EMERGENCY_CONTACTS} contacts`,
    });
  }
  contacts.forEach((c, i) => {
    const at = `emergencyContacts.${i}`;
    if (!isName(c?.name))
      errors.push({
        field: `${at}.name`,
        message: `name must have 1 to ${MAX_NAME_LENGTH} characters`,
      });
    if (!isE164(c?.phone))
      errors.push({
        field: `${at}.phone`,
        message: 'phone must be a valid phone number such as +919876543210',
      });
    if (c?.email !== undefined && !isEmail(c.email))
      errors.push({ field: `${at}.email`, message: 'email must be an email address' });
    if (
      typeof c?.relationship !== 'string' ||
      !c.relationship.trim() ||
      c.relationship.length > MAX_RELATIONSHIP_LENGTH
    ) {
      errors.push({
        field: `${at}.relationship`,
        message: `relationship must have 1 to ${MAX_RELATIONSHIP_LENGTH} characters`,
      });
    }
  });
  return errors;
}

function isName(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_NAME_LENGTH;
}

function isE164(value: unknown): boolean {
  return typeof value === 'string' && normalisePhone(value) === value;
}

function isEmail(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 254 && EMAIL.test(value);
}
