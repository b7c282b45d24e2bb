import type { Role } from '@carebook/core';
import type { StaffUserState } from '../domain/staff-user';
import type { StaffUserDto } from './dto/staff-user.dto';

/** The row shape staff-user read queries select (see STAFF_USER_COLUMNS). */
export interface StaffUserRow {
  id: string;
  full_name: string;
  phone: string | null;
  email: string | null;
  username: string | null;
  role: Role;
  centre_ids: string[];
  is_active: boolean;
  created_at: Date;
}

/** Columns of `staff_users u`, with the user's centres aggregated (needs `GROUP BY u.id`). */
export const STAFF_USER_COLUMNS = `u.id, u.full_name, u.phone, u.email, u.username, u.role, u.is_active, u.created_at,
  COALESCE(array_agg(uc.centre_id ORDER BY uc.centre_id) FILTER (WHERE uc.centre_id IS NOT NULL), '{}') AS centre_ids`;

export function staffUserRowToDto(row: StaffUserRow): StaffUserDto {
  return {
    id: row.id,
    fullName: row.full_name,
    phone: row.phone,
    email: row.email,
    username: row.username,
    role: row.role,
    centreIds: row.centre_ids,
    isActive: row.is_active,
    createdAt: row.created_at.toISOString(),
  };
}

export function staffUserStateToDto(s: Readonly<StaffUserState>): StaffUserDto {
  return {
    id: s.id,
    fullName: s.fullName,
    phone: s.phone,
    email: s.email,
    username: s.username,
    role: s.role,
    centreIds: [...s.centreIds].sort(),
    isActive: s.isActive,
    createdAt: s.createdAt.toISOString(),
  };
}
