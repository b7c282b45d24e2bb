import {
  ALL_ROLES,
  FieldError,
  isUuid,
  NETWORK_WIDE_ROLES,
  Role,
  ValidationFailedError,
} from '@carebook/core';

/** What an administrator states about a staff user (everything but credentials and status). */
export interface StaffUserProfile {
  fullName: string;
  phone: string | null;
  email: string | null;
  username: string | null;
  role: Role;
  centreIds: string[];
}

const E164 = /^\+[1-9]\d{6,14}$/;
/** Usernames: 3-64 characters, letters, digits and `. _ @ -`, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/;

/** Trims text, turns blanks into null and drops repeated centres. */
export function normaliseProfile(p: StaffUserProfile): StaffUserProfile {
  return {
    fullName: p.fullName.trim(),
    phone: p.phone?.trim() || null,
    email: p.email?.trim() || null,
    username: p.username?.trim() || null,
    role: p.role,
    centreIds: [...new Set(p.centreIds.map((id) => id.toLowerCase()))],
  };
}

/**
 * The rules of a staff user's profile, checked all at once so a form gets every problem in one
 * answer. The database repeats the cheap ones as CHECK constraints.
 */
export function assertValidProfile(p: StaffUserProfile): void {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  if (p.fullName.length < 1 || p.fullName.length > 200)
    fail('fullName', 'fullName must have 1 to 200 characters');
  if (p.phone !== null && !E164.test(p.phone))
    fail('phone', 'phone must be an E.164 phone number such as +919800000000');
  if (p.email !== null && (p.email.length > 254 || p.email.indexOf('@') < 1))
    fail('email', 'email must be an email address');
  if (p.username !== null && !USERNAME_PATTERN.test(p.username)) {
    fail(
      'username',
      'username must have 3 to 64 letters, digits or . _ @ - and start with a letter or digit',
    );
  }
  // Phone OTP needs the phone and password sign-in the username: with neither nobody can sign in.
  if (p.phone === null && p.username === null)
    fail('phone', 'a staff user needs a phone or a username');
  if (p.centreIds.some((id) => !isUuid(id))) fail('centreIds', 'centreIds must be UUIDs');
  if (!ALL_ROLES.includes(p.role)) {
    fail('role', `role must be one of ${ALL_ROLES.join(', ')}`);
  } else if (NETWORK_WIDE_ROLES.includes(p.role)) {
    // Network-wide roles see every centre; a membership list would only mislead.
    if (p.centreIds.length)
      fail('centreIds', `${p.role} works across all centres and takes no centreIds`);
  } else if (!p.centreIds.length) {
    fail('centreIds', `${p.role} must belong to at least one centre`);
  }
  if (errors.length) throw new ValidationFailedError(errors);
}
