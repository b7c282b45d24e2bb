import type { Actor } from '@carebook/core';

/** The CLINICIAN staff user behind a profile, as far as this context needs them. */
export interface StaffAccount {
  id: string;
  fullName: string;
}

/** Who signs in as the new clinician (phone E.164); `centreIds` are where they practise. */
export interface NewStaffAccount {
  fullName: string;
  phone: string;
  email?: string | null;
  username?: string | null;
  password?: string;
  centreIds: string[];
}

/** Omitted fields keep their value; `email: null` clears it. */
export interface StaffAccountChanges {
  fullName?: string;
  phone?: string;
  email?: string | null;
  centreIds?: string[];
}

/**
 * Port to identity, which owns staff users: every call joins the caller's transaction and
 * throws identity's errors (FORBIDDEN, PHONE_TAKEN, USERNAME_TAKEN, VALIDATION_FAILED).
 */
export abstract class StaffAccounts {
  /** Registers a CLINICIAN staff user on behalf of `actor`. */
  abstract register(actor: Actor, input: NewStaffAccount): Promise<StaffAccount>;
  /** Changes a staff user on behalf of `actor`. */
  abstract revise(
    actor: Actor,
    userId: string,
    changes: StaffAccountChanges,
  ): Promise<StaffAccount>;
  /** Removes a staff user on behalf of `actor`; nothing happens when they are already gone. */
  abstract remove(actor: Actor, userId: string): Promise<void>;
  /** The living staff user, or undefined when unknown or deleted. */
  abstract find(userId: string): Promise<StaffAccount | undefined>;
}
