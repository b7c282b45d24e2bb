import type TestAgent from 'supertest/lib/agent';
import { uniquePhone } from './fixtures';

/**
 * The newest sign-in code sent to `phone`, read the way a developer does: from the `log`
 * channel through `GET /api/v1/dev/messages` (needs DEV_MESSAGES=1 and a running worker).
 * Waits until a code newer than `after` (a message id) arrives.
 */
export async function readOtp(http: TestAgent, phone: string, after?: string, timeoutMs = 8000): Promise<{ code: string; messageId: string }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await http.get('/api/v1/dev/messages').query({ to: phone, limit: 1 }).expect(200);
    const [latest] = res.body.items as Array<{ id: string; template: string; body: string }>;
    const code = latest?.template === 'otp' ? /\b(\d{6})\b/.exec(latest.body)?.[1] : undefined;
    if (code && latest.id !== after) return { code, messageId: latest.id };
    if (Date.now() > until) throw new Error(`no sign-in code for ${phone} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The id of the newest message captured for `phone`, if any (to wait for a newer one). */
export async function latestMessageId(http: TestAgent, phone: string): Promise<string | undefined> {
  const res = await http.get('/api/v1/dev/messages').query({ to: phone, limit: 1 }).expect(200);
  return res.body.items[0]?.id;
}

export interface SignedInPatient {
  id: string;
  phone: string;
  token: string;
  refreshToken: string;
}

/** Signs a (new, unless `phone` is given) patient in by OTP and answers their tokens. */
export async function signInPatient(http: TestAgent, phone = uniquePhone(), fullName = 'Test Patient'): Promise<SignedInPatient> {
  const before = await latestMessageId(http, phone);
  await http.post('/api/v1/patient-auth/send-otp').send({ phone }).expect(202);
  const { code } = await readOtp(http, phone, before);
  const res = await http.post('/api/v1/patient-auth/verify-otp').send({ phone, code, fullName }).expect(200);
  return { id: res.body.patient.id, phone, token: res.body.accessToken, refreshToken: res.body.refreshToken };
}
