import { AccessTokenClaims, Actor, PrincipalGate, Role, UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';

/**
 * One indexed read per request (a prepared statement, UnitOfWork.query): the token's session must
 * be open and, for staff, the user active. Role and centres come from the database, so a change
 * applies at the next request.
 */
@Injectable()
export class TypeormPrincipalGate extends PrincipalGate {
  constructor(private readonly sql: UnitOfWork) {
    super();
  }

  async resolve(claims: AccessTokenClaims): Promise<Actor | undefined> {
    if (!claims.sid) return undefined;
    if (claims.typ === 'patient') {
      const {
        rows: [open],
      } = await this.sql.query(
        `SELECT 1 FROM auth_sessions WHERE id = $1 AND principal_id = $2 AND principal_type = 'patient' AND revoked_at IS NULL`,
        [claims.sid, claims.sub],
      );
      return open ? { kind: 'patient', id: claims.sub } : undefined;
    }
    const {
      rows: [staff],
    } = await this.sql.query<{ role: Role; centre_ids: string[] }>(
      `SELECT u.role,
              COALESCE(array_agg(uc.centre_id ORDER BY uc.centre_id) FILTER (WHERE uc.centre_id IS NOT NULL), '{}') AS centre_ids
         FROM auth_sessions s
         JOIN staff_users u ON u.id = s.principal_id
         LEFT JOIN staff_user_centres uc ON uc.user_id = u.id
        WHERE s.id = $1 AND s.principal_id = $2 AND s.principal_type = 'staff' AND s.revoked_at IS NULL
          AND u.is_active AND u.deleted_at IS NULL
        GROUP BY u.id`,
      [claims.sid, claims.sub],
    );
    return staff ? { kind: 'staff', id: claims.sub, role: staff.role, centreIds: staff.centre_ids } : undefined;
  }
}
