import { AggregateRoot, newId, Role } from '@carebook/core';
import { StaffUserCreated } from './events/staff-user-events';
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
  /** Deactivated and deleted users are refused by every sign-in method. */
  get canSignIn(): boolean {
    return this.state.isActive && this.state.deletedAt === null;
  }

  snapshot(): Readonly<StaffUserState> {
    return { ...this.state, centreIds: [...this.state.centreIds] };
  }
}
