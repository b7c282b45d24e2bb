import type { CentreDto } from './dto/centre.dto';
import type { CentreState } from '../domain/centre';

/** The row shape every centre read query selects (see CENTRE_COLUMNS). */
export interface CentreRow {
  id: string;
  name: string;
  city: string;
  address: string;
  phone: string;
  email: string | null;
  time_zone: string;
  lat: number;
  lng: number;
  is_active: boolean;
  created_at: Date;
  updated_at: Date;
  distance_km?: number;
}

export const CENTRE_COLUMNS = `c.id, c.name, c.city, c.address, c.phone, c.email, c.time_zone, c.is_active,
  c.created_at, c.updated_at, ST_Y(c.location::geometry) AS lat, ST_X(c.location::geometry) AS lng`;

export function centreRowToDto(row: CentreRow): CentreDto {
  const dto: CentreDto = {
    id: row.id,
    name: row.name,
    city: row.city,
    address: row.address,
    phone: row.phone,
    email: row.email,
    timeZone: row.time_zone,
    location: { lat: Number(row.lat), lng: Number(row.lng) },
    isActive: row.is_active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (row.distance_km !== undefined) dto.distanceKm = Math.round(Number(row.distance_km) * 100) / 100;
  return dto;
}

export function centreStateToDto(s: Readonly<CentreState>): CentreDto {
  return {
    id: s.id,
    name: s.name,
    city: s.city,
    address: s.address,
    phone: s.phone,
    email: s.email,
    timeZone: s.timeZone.name,
    location: { lat: s.location.lat, lng: s.location.lng },
    isActive: s.isActive,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
