import { StaffUser } from './staff-user';

/** Port: loads and saves the StaffUser aggregate (with its centres and events, atomically). */
export abstract class StaffUserRepository {
  /** The user, or undefined when it does not exist or was deleted. */
  abstract findById(id: string): Promise<StaffUser | undefined>;
  /** The non-deleted user with this username (case-insensitive), or undefined. */
  abstract findByUsername(username: string): Promise<StaffUser | undefined>;
  /** The non-deleted user with this E.164 phone, or undefined. */
  abstract findByPhone(phone: string): Promise<StaffUser | undefined>;
  /** True when a non-deleted ADMIN exists (active or not). */
  abstract anyAdminExists(): Promise<boolean>;
  /** Throws USERNAME_TAKEN / PHONE_TAKEN, or VALIDATION_FAILED for an unknown centre. */
  abstract save(user: StaffUser): Promise<void>;
}
