import { ValidationFailedError } from '@carebook/core';

/** A WGS 84 position. Stored as PostGIS `geography(Point,4326)`. */
export class GeoPoint {
  private constructor(
    readonly lat: number,
    readonly lng: number,
  ) {}

  static of(lat: number, lng: number, field = 'location'): GeoPoint {
    const errors = [];
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) errors.push({ field: `${field}.lat`, message: 'lat must be between -90 and 90' });
    if (!Number.isFinite(lng) || lng < -180 || lng > 180) errors.push({ field: `${field}.lng`, message: 'lng must be between -180 and 180' });
    if (errors.length) throw new ValidationFailedError(errors);
    return new GeoPoint(lat, lng);
  }

  equals(other: GeoPoint): boolean {
    return this.lat === other.lat && this.lng === other.lng;
  }
}
