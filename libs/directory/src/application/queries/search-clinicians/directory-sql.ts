import type { ClinicianSearch } from './search-clinicians.query';

/** Days ahead the directory looks for a next free slot. */
export const NEXT_SLOT_DAYS = 14;

/**
 * Builds the one directory query with only the conditions a search uses, so the planner can
 * pick the GiST/GIN index that fits (a catch-all `$1 IS NULL OR …` would defeat them).
 */
export function buildDirectorySql(s: ClinicianSearch, now: Date): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const at = p(now);
  const where = ['d.is_listed'];
  const point = s.near ? `ST_SetSRID(ST_MakePoint(${p(s.near.lng)}, ${p(s.near.lat)}), 4326)::geography` : null;
  if (point && s.near) where.push(`ST_DWithin(d.location, ${point}, ${p(s.near.radiusKm * 1000)})`);
  if (s.specialization) where.push(`d.specialization_keys @> ARRAY[lower(${p(s.specialization.trim())})]`);
  if (s.language) where.push(`d.language_keys @> ARRAY[lower(${p(s.language.trim())})]`);
  if (s.centreId) where.push(`d.centre_ids @> ARRAY[${p(s.centreId)}::uuid]`);
  if (s.city) where.push(`d.city = ${p(s.city.trim())}::citext`);
  if (s.name) where.push(`d.full_name ILIKE ${p(`%${escapeLike(s.name.trim())}%`)}`);
  if (s.minFee !== undefined) where.push(`d.fee_amount >= ${p(s.minFee)}`);
  if (s.maxFee !== undefined) where.push(`d.fee_amount <= ${p(s.maxFee)}`);
  if (s.sessionType) where.push(`d.session_types @> ARRAY[${p(s.sessionType)}]`);

  const earliest = `${at}::timestamptz + make_interval(mins => d.min_notice_minutes)`;
  const horizon = `${at}::timestamptz + interval '${NEXT_SLOT_DAYS} days'`;
  if (s.availableFrom || s.availableTo) {
    const from = s.availableFrom ? `greatest(${p(s.availableFrom)}::timestamptz, ${earliest})` : earliest;
    const to = s.availableTo ? `least(${p(s.availableTo)}::timestamptz, ${horizon})` : horizon;
    where.push(`carebook_next_slot(d.slot_starts, d.slot_minutes, ${from}) < ${to}`);
  }
  const next = `carebook_next_slot(d.slot_starts, d.slot_minutes, ${earliest})`;
  const sort = s.sort ?? (point ? 'distance' : 'nextAvailable');
  const order =
    sort === 'distance' && point
      ? `d.location <-> ${point}`
      : sort === 'fee'
        ? 'd.fee_amount'
        : sort === 'experience'
          ? 'd.years_of_experience DESC'
          : 'next_slot NULLS LAST';
  const sql = `
    SELECT d.clinician_id, d.full_name, d.specializations, d.qualifications, d.languages, d.years_of_experience,
           d.fee_amount, d.fee_currency, d.slot_minutes, d.photo_url, d.primary_centre_id, d.primary_centre_name,
           d.city, d.centre_ids, d.session_types,
           ${point ? `ST_Distance(d.location, ${point}) / 1000` : 'NULL'} AS distance_km,
           CASE WHEN ${next} < ${horizon} THEN ${next} END AS next_slot,
           count(*) OVER () AS total
      FROM directory_clinicians d
     WHERE ${where.join('\n       AND ')}
     ORDER BY ${order}, d.clinician_id
     LIMIT ${p(s.limit)} OFFSET ${p((s.page - 1) * s.limit)}`;
  return { sql, params };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
