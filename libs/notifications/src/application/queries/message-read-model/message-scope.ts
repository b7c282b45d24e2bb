import { Actor, ForbiddenError, NETWORK_WIDE_ROLES, Role } from '@carebook/core';

/** Staff who read the message log (of their centres): everyone but CLINICIAN and CAREGIVER. */
export const MESSAGE_READER_ROLES: readonly Role[] = [
  Role.ADMIN,
  Role.MANAGER,
  Role.CENTRE_MANAGER,
  Role.FRONT_DESK,
  Role.CARE_COORDINATOR,
];

/**
 * Which messages of the log a caller may read, the one place these rules live:
 * - ADMIN and MANAGER: every message, including those about no centre (OTPs to new phones).
 * - CENTRE_MANAGER, FRONT_DESK, CARE_COORDINATOR: messages whose `centre_id` is one of theirs.
 * - A patient: messages whose `patient_id` is theirs (history and one message; not stats).
 * - CLINICIAN and CAREGIVER: none (FORBIDDEN).
 * A message outside the scope is simply not there (a single one answers NOT_FOUND).
 */
export class MessageScope {
  private constructor(
    private readonly all: boolean,
    private readonly centreIds: readonly string[],
    private readonly patientId: string | null,
  ) {}

  /** Throws FORBIDDEN for callers who read no messages at all (or not this way). */
  static of(actor: Actor, options: { patients: boolean }): MessageScope {
    if (actor.kind === 'patient') {
      if (!options.patients) throw new ForbiddenError('Patients may not use this route.');
      return new MessageScope(false, [], actor.id);
    }
    if (!MESSAGE_READER_ROLES.includes(actor.role)) throw new ForbiddenError();
    if (NETWORK_WIDE_ROLES.includes(actor.role)) return new MessageScope(true, [], null);
    return new MessageScope(false, actor.centreIds, null);
  }

  /**
   * A WHERE condition over `message_log` (aliased `alias`) with its three parameters numbered
   * from `first`: `{ sql, params }` to splice into a statement.
   */
  condition(first: number, alias = 'm'): { sql: string; params: unknown[] } {
    const [all, centres, patient] = [first, first + 1, first + 2];
    return {
      sql:
        `($${all}::boolean OR ${alias}.centre_id = ANY($${centres}::uuid[]) ` +
        `OR (${alias}.patient_id IS NOT NULL AND ${alias}.patient_id = $${patient}::uuid))`,
      params: [this.all, [...this.centreIds], this.patientId],
    };
  }
}
