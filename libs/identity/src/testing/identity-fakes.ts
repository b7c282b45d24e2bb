import { Role } from '@carebook/core';
import { PasswordHasher } from '../application/ports/password-hasher';
import { StaffUser, StaffUserState } from '../domain/staff-user';
import { StaffUserRepository } from '../domain/staff-user.repository';

/** Spec-only stand-ins for identity's ports (not exported from the barrel). */
export class InMemoryStaffUserRepository extends StaffUserRepository {
  readonly rows = new Map<string, StaffUserState>();

  async findById(id: string): Promise<StaffUser | undefined> {
    const row = this.rows.get(id);
    return row && !row.deletedAt ? StaffUser.restore(row) : undefined;
  }
  async findByUsername(username: string): Promise<StaffUser | undefined> {
    const row = [...this.rows.values()].find(
      (r) => !r.deletedAt && r.username?.toLowerCase() === username.toLowerCase(),
    );
    return row && StaffUser.restore(row);
  }
  async anyAdminExists(): Promise<boolean> {
    return [...this.rows.values()].some((r) => r.role === Role.ADMIN && !r.deletedAt);
  }
  async save(user: StaffUser): Promise<void> {
    user.pullEvents();
    this.rows.set(user.id, user.snapshot());
  }
}

/** Readable "hashes" and a log of every check, so specs can see the dummy verify happen. */
export class FakePasswordHasher extends PasswordHasher {
  readonly verified: Array<{ hash: string | null; password: string }> = [];

  async hash(password: string): Promise<string> {
    return `hashed:${password}`;
  }
  async verify(hash: string | null, password: string): Promise<boolean> {
    this.verified.push({ hash, password });
    return hash !== null && hash === `hashed:${password}`;
  }
}

/** A restored user with sensible defaults; specs override what they test. */
export function aStaffUser(overrides: Partial<StaffUserState> = {}): StaffUser {
  const at = new Date('2026-03-01T09:00:00Z');
  return StaffUser.restore({
    id: '7b0c5c1e-3f5a-4d43-9a51-0f3c2a9d1e01',
    fullName: 'Asha Rao',
    phone: '+919800000001',
    email: null,
    username: 'asha',
    passwordHash: 'hashed:correct horse battery',
    role: Role.FRONT_DESK,
    centreIds: ['0d8f6a52-6a0e-4b7e-9d55-3b1c6f0c2a10'],
    isActive: true,
    deletedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  });
}
