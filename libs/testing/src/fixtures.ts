import type TestAgent from 'supertest/lib/agent';
import { randomInt } from 'node:crypto';
import { TEST_ADMIN } from './test-app';

/** Logs the bootstrap admin in and answers its access token. */
export async function adminToken(http: TestAgent): Promise<string> {
  const res = await http.post('/api/v1/auth/login/username-password').send(TEST_ADMIN).expect(200);
  return res.body.accessToken as string;
}

/** A unique, valid E.164 Indian mobile number. */
export function uniquePhone(): string {
  return `+9198${String(randomInt(0, 1e8)).padStart(8, '0')}`;
}

/** A valid centre body; tests override what they care about. */
export function centreInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Test centre ${randomInt(1e9)}`,
    city: 'Testpur',
    address: '1 Test Road',
    phone: uniquePhone(),
    timeZone: 'Asia/Kolkata',
    // Far from every demo city, so tests' centres never show up in a demo near-query.
    location: { lat: 20 + Math.random(), lng: 60 + Math.random() },
    ...overrides,
  };
}

/** Creates a centre over HTTP as the given (admin) token and answers its body. */
export async function createCentre(http: TestAgent, token: string, overrides: Record<string, unknown> = {}) {
  const res = await http.post('/api/v1/centres').set('Authorization', `Bearer ${token}`).send(centreInput(overrides)).expect(201);
  return res.body as { id: string; city: string; location: { lat: number; lng: number } };
}
