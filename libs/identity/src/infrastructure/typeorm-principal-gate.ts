import { AccessTokenClaims, Actor, PrincipalGate, Role } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * One indexed read per request: the token's session must be open and, for staff, the user
 * active. Role and centres come from the database, so a change applies at the next request.
 */
@Injectable()
export class TypeormPrincipalGate extends PrincipalGate {
  constructor(private readonly db: DataSource) {
    super();
  }

  async resolve(claims: AccessTokenClaims): Promise<Actor | undefined> {
    if (!claims.sid) return undefined;
    if (claims.typ === 'patient') {
      const [open] = await this.db.query(
        `SELECT 1 FROM auth_sessions WHERE id = $1 AND principal_id = $2 AND principal_type = 'patient' AND revoked_at IS NULL`,
        [claims.sid, claims.sub],
      );
      return open ? { kind: 'patient', id: claims.sub } : undefined;
    }
    const [staff] = await this.db.query(
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
    return staff ? { kind: 'staff', id: claims.sub, role: staff.role as Role, centreIds: staff.centre_ids } : undefined;
  }
}
