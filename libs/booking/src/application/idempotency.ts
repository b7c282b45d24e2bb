import { createHash } from 'node:crypto';
import type { Appointment } from '../domain/appointment';
import { IdempotencyKeyReusedError } from '../domain/appointment.errors';
import type { AppointmentRepository } from '../domain/appointment.repository';

/** An `Idempotency-Key` and the fingerprint of the request it came with. */
export interface IdempotencyStamp {
  key: string;
  fingerprint: string;
}

/**
 * The stamp of a create request: the key and a hash of what was asked (operation and input,
 * times as instants so `+05:30` and `Z` spellings of one time match). Undefined without a key.
 */
export function stampOf(
  key: string | undefined,
  operation: string,
  input: object,
): IdempotencyStamp | undefined {
  if (key === undefined) return undefined;
  const canonical = JSON.stringify([operation, sortKeys(input)]);
  return { key, fingerprint: createHash('sha256').update(canonical).digest('hex') };
}

/**
 * The appointment an earlier request with this key created, when the request is the same
 * (a replay: answer it, create nothing); IDEMPOTENCY_KEY_REUSED when the key came with another
 * request; undefined when the key is new.
 */
export async function replayOf(
  appointments: AppointmentRepository,
  creatorId: string,
  stamp: IdempotencyStamp | undefined,
): Promise<Appointment | undefined> {
  if (!stamp) return undefined;
  const earlier = await appointments.findByIdempotencyKey(creatorId, stamp.key);
  if (!earlier) return undefined;
  if (earlier.snapshot().idempotencyFingerprint !== stamp.fingerprint)
    throw new IdempotencyKeyReusedError();
  return earlier;
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}
