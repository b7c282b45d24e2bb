import { randomInt } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { uniquePhone } from './fixtures';

/** A patient record as `/api/v1/patients` answers it. */
export interface PatientBody {
  id: string;
  fullName: string | null;
  phone: string;
  email: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  bloodGroup: string | null;
  emergencyContacts: Array<{ name: string; phone: string; email?: string; relationship: string }>;
  createdAt: string;
  updatedAt: string;
}

/** A valid `POST /api/v1/patients` body with a unique phone; tests override what they care about. */
export function patientInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fullName: `Test Patient ${randomInt(1e9)}`,
    phone: uniquePhone(),
    emergencyContacts: [],
    ...overrides,
  };
}

/** Registers a patient over HTTP as a staff token (201 expected) and answers the record. */
export async function createPatient(
  http: TestAgent,
  staffToken: string,
  overrides: Record<string, unknown> = {},
): Promise<PatientBody> {
  const res = await http
    .post('/api/v1/patients')
    .set('Authorization', `Bearer ${staffToken}`)
    .send(patientInput(overrides))
    .expect(201);
  return res.body as PatientBody;
}
