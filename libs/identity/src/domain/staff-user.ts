import { AggregateRoot, newId, Role } from '@carebook/core';
import {
  StaffUserActivated,
  StaffUserCreated,
  StaffUserDeactivated,
  StaffUserDeleted,
  StaffUserPasswordChanged,
  StaffUserRoleChanged,
  StaffUserUpdated,
} from './events/staff-user-events';
import { assertValidProfile, normaliseProfile, StaffUserProfile } from './staff-user-profile';

export interface StaffUserState extends StaffUserProfile {
  id: string;
  /** argon2id hash; null for users who sign in by phone OTP only. */
  passwordHash: string | null;
  isActive: boolean;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A member of staff: one role and, unless network-wide (ADMIN, MANAGER), the centres whose data
 * they see. Holds only a password hash, never a password.
 */
export class StaffUser extends AggregateRoot {
  private constructor(private state: StaffUserState) {
    super();
  }

  /** Registers a new, active staff user; throws VALIDATION_FAILED listing every broken rule. */
  static register(profile: StaffUserProfile, passwordHash: string | null, now: Date): StaffUser {
    const clean = normaliseProfile(profile);
    assertValidProfile(clean);
    const user = new StaffUser({
      ...clean,
      id: newId(),
      passwordHash,
      isActive: true,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    user.record(new StaffUserCreated(user.id, clean.role, [...clean.centreIds], now));
    return user;
  }

  /** Rebuilds a stored user; records nothing. */
  static restore(state: StaffUserState): StaffUser {
    return new StaffUser({ ...state, centreIds: [...state.centreIds] });
  }

  get id(): string {
    return this.state.id;
  }
  get role(): Role {
    return this.state.role;
  }
  get centreIds(): string[] {
    return [...this.state.centreIds];
  }
  get passwordHash(): string | null {
    return this.state.passwordHash;
  }
  get isActive(): boolean {
    return this.state.isActive;
  }
  /** Deactivated and deleted users are refused by every sign-in method. */
  get canSignIn(): boolean {
    return this.state.isActive && this.state.deletedAt === null;
  }

  snapshot(): Readonly<StaffUserState> {
    return { ...this.state, centreIds: [...this.state.centreIds] };
  }

  /**
   * Changes the given profile fields (undefined keeps a value, null clears an optional one) and
   * checks the result as a whole. Records StaffUserUpdated for details and StaffUserRoleChanged
   * for role or centres, each only when something really changed.
   */
  revise(changes: Partial<StaffUserProfile>, now: Date): void {
    const given = Object.entries(changes).filter(([, value]) => value !== undefined);
    const next = normaliseProfile({
      ...this.state,
      ...(Object.fromEntries(given) as Partial<StaffUserProfile>),
    });
    assertValidProfile(next);
    const details = DETAIL_FIELDS.filter((field) => next[field] !== this.state[field]);
    const roleChanged = next.role !== this.state.role;
    const centresChanged = !sameSet(next.centreIds, this.state.centreIds);
    if (!details.length && !roleChanged && !centresChanged) return;
    const before = this.state;
    this.state = { ...this.state, ...next, updatedAt: now };
    if (details.length) this.record(new StaffUserUpdated(this.id, details, now));
    if (roleChanged || centresChanged) {
      this.record(
        new StaffUserRoleChanged(
          this.id,
          before.role,
          next.role,
          [...before.centreIds].sort(),
          [...next.centreIds].sort(),
          now,
        ),
      );
    }
  }

  /** Replaces the password hash (the caller hashed the new password). */
  changePassword(passwordHash: string, now: Date): void {
    this.state = { ...this.state, passwordHash, updatedAt: now };
    this.record(new StaffUserPasswordChanged(this.id, now));
  }

  /** Deactivates an active user, or activates a deactivated one. */
  toggleActive(now: Date): void {
    const isActive = !this.state.isActive;
    this.state = { ...this.state, isActive, updatedAt: now };
    this.record(
      isActive ? new StaffUserActivated(this.id, now) : new StaffUserDeactivated(this.id, now),
    );
  }

  /**
   * Soft delete: the row stays for history, the user is inactive and can no longer sign in, and
   * their phone and username are free for someone new.
   */
  remove(now: Date): void {
    this.state = { ...this.state, isActive: false, deletedAt: now, updatedAt: now };
    this.record(new StaffUserDeleted(this.id, now));
  }
}

/** The profile fields StaffUserUpdated reports (role and centres have their own event). */
const DETAIL_FIELDS = ['fullName', 'phone', 'email', 'username'] as const;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
