import { IdempotencyKeyReusedError, requestFingerprint } from '@carebook/core';
import type { Appointment } from '../domain/appointment';
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
  return { key, fingerprint: requestFingerprint(operation, input) };
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
