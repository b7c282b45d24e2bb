/**
 * Per-IP limits of the sign-in routes, on top of the global limit and the per-account limits
 * the commands enforce (3 codes per phone per 15 minutes, 100 failures per account per hour).
 */
const FIFTEEN_MINUTES = 15 * 60_000;
export const OTP_SEND_LIMIT_PER_IP = { default: { limit: 20, ttl: FIFTEEN_MINUTES } };
export const SIGN_IN_LIMIT_PER_IP = { default: { limit: 60, ttl: FIFTEEN_MINUTES } };
