import { randomInt } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { uniquePhone } from './fixtures';

/** The password every fixture staff user gets unless a test says otherwise. */
export const STAFF_PASSWORD = 'staff-password-123';

/** A staff user as `/api/v1/users` answers them. */
export interface StaffUserBody {
  id: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  username: string | null;
  role: string;
  centreIds: string[];
  isActive: boolean;
  createdAt: string;
}

/** A signed-in fixture staff user. */
export interface SignedInStaff {
  id: string;
  token: string;
  user: StaffUserBody;
  username: string;
  password: string;
}

/** A unique, valid username (tests share one database). */
export function uniqueUsername(prefix = 'staff'): string {
  return `${prefix}.${Date.now().toString(36)}.${randomInt(1e9).toString(36)}`;
}

/**
 * A valid `POST /api/v1/users` body: a FRONT_DESK user with a unique phone and username and
 * STAFF_PASSWORD. Give `centreIds` (and `role`); never create an ADMIN in tests, because the
 * test apps bootstrap their admin only while there is none.
 */
export function staffInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fullName: `Test Staff ${randomInt(1e6)}`,
    phone: uniquePhone(),
    username: uniqueUsername(),
    password: STAFF_PASSWORD,
    role: 'FRONT_DESK',
    centreIds: [],
    ...overrides,
  };
}

/** Creates a staff user over HTTP as `token` (201 expected) and answers the body. */
export async function createStaffUser(
  http: TestAgent,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<StaffUserBody> {
  const res = await http
    .post('/api/v1/users')
    .set('Authorization', `Bearer ${token}`)
    .send(staffInput(overrides))
    .expect(201);
  return res.body as StaffUserBody;
}

/** Signs a staff user in with username and password and answers the access token. */
export async function loginStaff(
  http: TestAgent,
  username: string,
  password = STAFF_PASSWORD,
): Promise<string> {
  const res = await http
    .post('/api/v1/auth/login/username-password')
    .send({ username, password })
    .expect(200);
  return res.body.accessToken as string;
}

/** Creates a staff user over HTTP as `token`, signs them in, and answers `{ id, token, ... }`. */
export async function createStaffAndLogin(
  http: TestAgent,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<SignedInStaff> {
  const input = staffInput(overrides);
  const user = await createStaffUser(http, token, input);
  const username = input.username as string;
  const password = input.password as string;
  return {
    id: user.id,
    token: await loginStaff(http, username, password),
    user,
    username,
    password,
  };
}
