import { argon2id, hash } from 'argon2';
import type { DataSource } from 'typeorm';
import type { DemoStaffUser } from './demo-clinicians';
import { DemoKind, demoIdRange } from './demo-ids';
import type { DemoPatient } from './demo-patients';
import { insertMissing } from './demo-sql';

/** The one password of every demo staff user (front desk and clinicians); documented in the README. */
export const DEMO_PASSWORD = 'carebook-demo-123';

/** As identity's Argon2PasswordHasher hashes (OWASP argon2id baseline), so sign-in verifies it. */
const ARGON2 = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Front desk and clinician staff users with their centres, in one transaction. The password is
 * hashed once, and only when some demo user is missing.
 */
export async function seedStaffUsers(db: DataSource, users: DemoStaffUser[]): Promise<number> {
  const ranges = [demoIdRange(DemoKind.deskUser), demoIdRange(DemoKind.clinicianUser)];
  const [{ present }] = await db.query(
    `SELECT count(*)::int AS present FROM staff_users WHERE id BETWEEN $1 AND $2 OR id BETWEEN $3 AND $4`,
    ranges.flat(),
  );
  if (present >= users.length) return 0;
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2);
  return db.transaction(async (m) => {
    const added = await insertMissing(
      m,
      'staff_users',
      { id: 'uuid', full_name: 'text', phone: 'text', email: 'citext', username: 'citext', password_hash: 'text', role: 'text' },
      users.map((u) => ({
        id: u.id,
        full_name: u.fullName,
        phone: u.phone,
        email: u.email,
        username: u.username,
        password_hash: passwordHash,
        role: u.role,
      })),
    );
    await insertMissing(
      m,
      'staff_user_centres',
      { user_id: 'uuid', centre_id: 'uuid' },
      users.flatMap((u) => u.centreIds.map((centreId) => ({ user_id: u.id, centre_id: centreId }))),
      `EXISTS (SELECT 1 FROM staff_users u WHERE u.id = x.user_id) AND EXISTS (SELECT 1 FROM centres c WHERE c.id = x.centre_id)`,
    );
    return added;
  });
}

/** Demo patients (patient 1 is the one a newcomer signs in as), in one transaction. */
export async function seedPatients(db: DataSource, patients: DemoPatient[], now: Date): Promise<number> {
  return db.transaction((m) =>
    insertMissing(
      m,
      'patients',
      {
        id: 'uuid',
        full_name: 'text',
        phone: 'text',
        email: 'citext',
        date_of_birth: 'date',
        gender: 'text',
        blood_group: 'text',
        emergency_contacts: 'jsonb',
        created_at: 'timestamptz',
        updated_at: 'timestamptz',
      },
      patients.map((p) => {
        const created = new Date(now.getTime() - p.createdDaysAgo * 86_400_000).toISOString();
        return {
          id: p.id,
          full_name: p.fullName,
          phone: p.phone,
          email: p.email,
          date_of_birth: p.dateOfBirth,
          gender: p.gender,
          blood_group: p.bloodGroup,
          emergency_contacts: p.emergencyContacts,
          created_at: created,
          updated_at: created,
        };
      }),
    ),
  );
}
