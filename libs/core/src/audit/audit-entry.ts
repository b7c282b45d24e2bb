import { isIP } from 'node:net';
import type { Actor } from '../auth/actor';
import { RequestContext } from '../http/request-context';

/** One security event or one read or write of a patient's record. */
export interface AuditEntry {
  /** Dotted lower-case verb phrase: `auth.login.failed`, `patient.record.viewed`. */
  action: string;
  /**
   * Who did it. Omitted: the signed-in caller of the current HTTP request, else anonymous.
   * `null`: anonymous even on a signed-in request. `'system'`: the platform itself (jobs).
   */
  actor?: Actor | 'system' | null;
  /** What was acted on, in lower snake case (`appointment`, `staff_user`), and its id. */
  targetType?: string;
  targetId?: string;
  /** The patient whose record was read or written (PHI access), when there is one. */
  patientId?: string;
  /** Defaults to the current request's id; worker jobs pass the id their job data carries. */
  requestId?: string;
  /**
   * Small JSON (at most 4 KB) that explains the event. Identifiers of someone not signed in go
   * in masked (`maskPhone`, `maskEmail`); never passwords, OTPs or tokens (keys that look like
   * them are redacted anyway).
   */
  metadata?: Record<string, unknown>;
}

/** The `audit_events` row an entry becomes, in column order. */
export interface AuditRow {
  actor_type: 'staff' | 'patient' | 'anonymous' | 'system';
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  patient_id: string | null;
  ip: string | null;
  request_id: string | null;
  metadata: Record<string, unknown>;
}

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const TARGET_TYPE = /^[a-z][a-z0-9_]*$/;
const MAX_METADATA_BYTES = 4096;
const SECRET_KEY =
  /password|passcode|secret|authorization|cookie|token$|^(otp|code|otp_?code|pin)$/i;
const REDACTED = '[redacted]';

/**
 * Turns an entry into its row, filling ip, request id and (when omitted) the actor from the
 * current request. Misuse (a malformed action, oversized metadata) throws: it is a bug in the
 * caller, and an audit row that silently lost its meaning would be worse.
 */
export function toAuditRow(entry: AuditEntry): AuditRow {
  if (!ACTION.test(entry.action) || entry.action.length > 100) {
    throw new Error(
      `Audit action "${entry.action}" must be a dotted lower-case phrase such as "auth.login.failed".`,
    );
  }
  if (entry.targetType !== undefined && !TARGET_TYPE.test(entry.targetType)) {
    throw new Error(
      `Audit targetType "${entry.targetType}" must be lower snake case such as "staff_user".`,
    );
  }
  if (entry.targetId !== undefined && entry.targetType === undefined) {
    throw new Error(`Audit entry "${entry.action}" has a targetId without a targetType.`);
  }
  const metadata = redactSecrets(entry.metadata ?? {}) as Record<string, unknown>;
  if (Buffer.byteLength(JSON.stringify(metadata)) > MAX_METADATA_BYTES) {
    throw new Error(
      `Audit metadata of "${entry.action}" exceeds ${MAX_METADATA_BYTES} bytes; keep it small.`,
    );
  }
  const request = RequestContext.current();
  const actor = entry.actor === undefined ? request?.actor : entry.actor;
  return {
    actor_type: actor === 'system' ? 'system' : (actor?.kind ?? 'anonymous'),
    actor_id: actor && actor !== 'system' ? actor.id : null,
    actor_role: actor && actor !== 'system' && actor.kind === 'staff' ? actor.role : null,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    patient_id: entry.patientId ?? null,
    ip: inetOrNull(request?.ip),
    request_id: (entry.requestId ?? request?.requestId)?.slice(0, 100) || null,
    metadata,
  };
}

/** A safety net, not a licence: values under keys that name a secret never reach the table. */
function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) ? REDACTED : redactSecrets(item, depth + 1),
    ]),
  );
}

/** `req.ip` as PostgreSQL `inet` accepts it (no IPv6 zone index), or null. */
function inetOrNull(ip: string | undefined): string | null {
  if (!ip) return null;
  const address = ip.split('%')[0];
  return isIP(address) ? address : null;
}
