import { offsetOf, Page, pageOf } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { StaffUserDto } from '../../dto/staff-user.dto';
import { StaffAccessPolicy } from '../../staff-access-policy';
import { STAFF_USER_COLUMNS, StaffUserRow, staffUserRowToDto } from '../../staff-user-view';
import { ListStaffUsers } from './list-staff-users.query';

/** Staff users are few per network: plain ILIKE scans are fine without a trigram index. */
const WHERE = `u.deleted_at IS NULL
   AND ($1::uuid[] IS NULL OR EXISTS (SELECT 1 FROM staff_user_centres v
                                       WHERE v.user_id = u.id AND v.centre_id = ANY($1::uuid[])))
   AND ($2::text IS NULL OR u.role = $2::text)
   AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM staff_user_centres f
                                     WHERE f.user_id = u.id AND f.centre_id = $3::uuid))
   AND ($4::boolean IS NULL OR u.is_active = $4::boolean)
   AND ($5::text IS NULL
        OR u.full_name ILIKE '%' || $5::text || '%'
        OR u.username::text ILIKE $5::text || '%'
        OR ($6::text IS NOT NULL AND u.phone LIKE '%' || $6::text || '%'))`;

@QueryHandler(ListStaffUsers)
export class ListStaffUsersHandler implements IQueryHandler<ListStaffUsers> {
  constructor(private readonly db: DataSource) {}

  async execute({ actor, filter }: ListStaffUsers): Promise<Page<StaffUserDto>> {
    const visible = StaffAccessPolicy.visibleCentres(actor);
    const search = filter.search?.trim() || null;
    // Digits are compared with phones only when the search looks like a phone number.
    const digits = search && PHONE_LIKE.test(search) ? search.replace(/\D/g, '') || null : null;
    const params = [
      visible === 'ALL' ? null : visible,
      filter.role ?? null,
      filter.centreId ?? null,
      filter.isActive ?? null,
      search && escapeLike(search),
      digits,
    ];
    const rows: Array<StaffUserRow & { total: string }> = await this.db.query(
      `SELECT ${STAFF_USER_COLUMNS}, count(*) OVER () AS total
         FROM staff_users u
         LEFT JOIN staff_user_centres uc ON uc.user_id = u.id
        WHERE ${WHERE}
        GROUP BY u.id
        ORDER BY u.full_name, u.id
        LIMIT $7 OFFSET $8`,
      [...params, filter.limit, offsetOf(filter)],
    );
    return pageOf(rows.map(staffUserRowToDto), await this.total(rows, params), filter);
  }

  /** The window count rides on the rows; a page past the end has none, so count separately. */
  private async total(rows: Array<{ total: string }>, params: unknown[]): Promise<number> {
    if (rows.length) return Number(rows[0].total);
    const [{ n }] = await this.db.query(
      `SELECT count(*)::int AS n FROM staff_users u WHERE ${WHERE}`,
      params,
    );
    return n;
  }
}

const PHONE_LIKE = /^[+\d\s().-]+$/;

/** The search is text, not a pattern: `%` and `_` match themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
