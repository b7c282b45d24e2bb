import { OTP_RULES, OtpChallenge } from './otp-challenge';

const t0 = new Date('2026-03-29T00:58:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const issue = () => OtpChallenge.issue('+919876543210', 'PATIENT_LOGIN', (id) => `hash-of-${id}`, t0);

describe('OtpChallenge', () => {
  it('accepts the right code once, within 5 minutes', () => {
    const c = issue();
    expect(c.attempt(true, at(OTP_RULES.ttlMs - 1))).toBe('ACCEPTED');
    expect(c.attempt(true, at(OTP_RULES.ttlMs - 1))).toBe('INVALID');
  });

  it('expires at exactly 5 minutes', () => {
    expect(issue().attempt(true, at(OTP_RULES.ttlMs))).toBe('INVALID');
  });

  it('locks on the fifth wrong code, after which even the right one is refused', () => {
    const c = issue();
    expect([1, 2, 3, 4].map(() => c.attempt(false, t0))).toEqual(['WRONG', 'WRONG', 'WRONG', 'WRONG']);
    expect(c.attempt(false, t0)).toBe('LOCKED');
    expect(c.attempt(true, t0)).toBe('LOCKED');
    expect(c.snapshot()).toMatchObject({ failedAttempts: 5, lockedAt: t0 });
  });

  it('keeps only the hash, bound to its id', () => {
    const c = issue();
    expect(c.codeHash).toBe(`hash-of-${c.id}`);
  });
});
