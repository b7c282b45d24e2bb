import { randomInt } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { createCentre, uniquePhone } from './fixtures';
import { loginStaff, STAFF_PASSWORD, uniqueUsername } from './staff-fixtures';

/** A clinician as `/api/v1/clinicians` answers them. */
export interface ClinicianBody {
  id: string;
  userId: string;
  fullName: string;
  specializations: string[];
  qualifications: string[];
  languages: string[];
  yearsOfExperience: number;
  consultationFee: { amount: number; currency: string };
  consultationDurationMinutes: number;
  bio: string | null;
  photoUrl: string | null;
  primaryCentreId: string;
  centreIds: string[];
  settings: {
    bufferBeforeMinutes: number;
    bufferAfterMinutes: number;
    minNoticeMinutes: number;
    horizonDays: number;
    dailyCap: number | null;
  };
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A created clinician and the credentials their staff user signs in with. */
export type CreatedClinician = ClinicianBody & { username: string; password: string };

/** One weekly rule of `PUT /clinicians/:id/availability`. */
export interface WeeklyRuleBody {
  dayOfWeek: number;
  startTime: string;
  endTime: string;
  centreId: string;
  sessionType: 'IN_PERSON' | 'ONLINE';
}

/**
 * A valid `POST /api/v1/clinicians` body with a unique phone and username and STAFF_PASSWORD:
 * a 20-minute, ₹800 cardiologist. Give `primaryCentreId` (and anything else you test).
 */
export function clinicianInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fullName: `Dr. Test ${randomInt(1e6)}`,
    phone: uniquePhone(),
    username: uniqueUsername('clinician'),
    password: STAFF_PASSWORD,
    specializations: ['Cardiology'],
    qualifications: ['MBBS'],
    languages: ['English'],
    yearsOfExperience: 10,
    consultationFee: { amount: 80000, currency: 'INR' },
    consultationDurationMinutes: 20,
    ...overrides,
  };
}

/**
 * Creates a clinician (and their CLINICIAN staff user) over HTTP as `token`, 201 expected.
 * Without `primaryCentreId` a new centre is created first, which needs an ADMIN or MANAGER
 * token. Answers the body with the `username` and `password` to sign in with (`loginClinician`).
 */
export async function createClinician(
  http: TestAgent,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<CreatedClinician> {
  const primaryCentreId = overrides.primaryCentreId ?? (await createCentre(http, token)).id;
  const input = clinicianInput({ ...overrides, primaryCentreId });
  const res = await http
    .post('/api/v1/clinicians')
    .set('Authorization', `Bearer ${token}`)
    .send(input)
    .expect(201);
  return {
    ...(res.body as ClinicianBody),
    username: input.username as string,
    password: input.password as string,
  };
}

/** Signs a created clinician in (username and password) and answers their access token. */
export function loginClinician(http: TestAgent, clinician: CreatedClinician): Promise<string> {
  return loginStaff(http, clinician.username, clinician.password);
}

/**
 * The same hours on each of `days` (0 = Sunday; default Monday to Friday) at one centre, e.g.
 * `weeklyRules(centreId, { startTime: '09:00', endTime: '13:00' })`.
 */
export function weeklyRules(
  centreId: string,
  options: {
    startTime?: string;
    endTime?: string;
    days?: number[];
    sessionType?: 'IN_PERSON' | 'ONLINE';
  } = {},
): WeeklyRuleBody[] {
  const {
    startTime = '09:00',
    endTime = '17:00',
    days = [1, 2, 3, 4, 5],
    sessionType = 'IN_PERSON',
  } = options;
  return days.map((dayOfWeek) => ({ dayOfWeek, startTime, endTime, centreId, sessionType }));
}

/**
 * Replaces a clinician's weekly rules over HTTP as `token` (the clinician themself or a manager
 * of theirs), 200 expected; answers `{ clinicianId, rules, timeOff }`. Without `rules`: 09:00 to
 * 17:00, Monday to Friday, in person at their primary centre.
 */
export async function setWeeklySchedule(
  http: TestAgent,
  token: string,
  clinician: Pick<ClinicianBody, 'id' | 'primaryCentreId'>,
  rules: WeeklyRuleBody[] = weeklyRules(clinician.primaryCentreId),
): Promise<{
  clinicianId: string;
  rules: WeeklyRuleBody[];
  timeOff: Array<{ id: string; startsAt: string; endsAt: string }>;
}> {
  const res = await http
    .put(`/api/v1/clinicians/${clinician.id}/availability`)
    .set('Authorization', `Bearer ${token}`)
    .send({ rules })
    .expect(200);
  return res.body;
}

/** Plans time off over HTTP as `token` (201 expected) and answers it. */
export async function addTimeOff(
  http: TestAgent,
  token: string,
  clinicianId: string,
  interval: { startsAt: string; endsAt: string; reason?: string },
): Promise<{ id: string; startsAt: string; endsAt: string; reason?: string }> {
  const res = await http
    .post(`/api/v1/clinicians/${clinicianId}/time-off`)
    .set('Authorization', `Bearer ${token}`)
    .send({ reason: 'Time off', ...interval })
    .expect(201);
  return res.body;
}
