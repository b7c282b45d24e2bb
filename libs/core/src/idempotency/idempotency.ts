import { createHash } from 'node:crypto';
import { DomainError } from '../errors/domain-error';
import { registerErrorStatus } from '../errors/error-status';

registerErrorStatus({ IDEMPOTENCY_KEY_REUSED: 422 });

/** An `Idempotency-Key` came again with a different request (API.md: a repeat must match). */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('This Idempotency-Key was already used with a different request.');
  }
}

/**
 * The fingerprint of a request for idempotency: a SHA-256 of its parts as canonical JSON (keys
 * sorted, undefined left out, dates as ISO instants), so that `{a, b}` and `{b, a}`, or `+05:30`
 * and `Z` spellings of one instant once parsed, match.
 */
export function requestFingerprint(...parts: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(parts)))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, canonical(v)]),
  );
}
