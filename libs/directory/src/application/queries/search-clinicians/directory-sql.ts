import type { ClinicianSearch } from './search-clinicians.query';

/** Days ahead the directory looks for a next free slot. */
export const NEXT_SLOT_DAYS = 14;

/**
 * Builds the one directory query with only the conditions a search uses, so the planner can
 * pick the GiST/GIN index that fits (a catch-all `$1 IS NULL OR …` would defeat them).
 *
 * Two steps in one statement: `page` finds the matches, counts them (`total`) and keeps the
 * page's ids in order, reading as little as it can; the outer query then reads the wide rows,
 * computes distance and next free slot for those page rows only, and answers ONE row: the page's
 * items as JSON in the shape of ClinicianSummaryDto (one JSON.parse in Node instead of parsing
 * 18 columns of 20 rows, their arrays and dates, and mapping them) and the total. With a specialization, `page`
 * reads the narrow side table `directory_specializations` (GiST on key + location: only the
 * matching clinicians of the circle), joining the wide rows only when another filter or the sort
 * needs them.
 */
export function buildDirectorySql(s: ClinicianSearch, now: Date): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const at = p(now);
  const point = s.near ? `ST_SetSRID(ST_MakePoint(${p(s.near.lng)}, ${p(s.near.lat)}), 4326)::geography` : null;
  const radius = s.near ? p(s.near.radiusKm * 1000) : null;
  const spec = s.specialization ? p(s.specialization.trim()) : null;

  // Conditions on the wide row.
  const rowWhere: string[] = [];
  if (s.language) rowWhere.push(`d.language_keys @> ARRAY[lower(${p(s.language.trim())})]`);
  if (s.centreId) rowWhere.push(`d.centre_ids @> ARRAY[${p(s.centreId)}::uuid]`);
  if (s.city) rowWhere.push(`d.city = ${p(s.city.trim())}::citext`);
  if (s.name) rowWhere.push(`d.full_name ILIKE ${p(`%${escapeLike(s.name.trim())}%`)}`);
  if (s.minFee !== undefined) rowWhere.push(`d.fee_amount >= ${p(s.minFee)}`);
  if (s.maxFee !== undefined) rowWhere.push(`d.fee_amount <= ${p(s.maxFee)}`);
  if (s.sessionType) rowWhere.push(`d.session_types @> ARRAY[${p(s.sessionType)}]`);
  const earliest = `${at}::timestamptz + make_interval(mins => d.min_notice_minutes)`;
  const horizon = `${at}::timestamptz + interval '${NEXT_SLOT_DAYS} days'`;
  if (s.availableFrom || s.availableTo) {
    const from = s.availableFrom ? `greatest(${p(s.availableFrom)}::timestamptz, ${earliest})` : earliest;
    const to = s.availableTo ? `least(${p(s.availableTo)}::timestamptz, ${horizon})` : horizon;
    rowWhere.push(`carebook_next_slot(d.slot_starts, d.slot_minutes, ${from}) < ${to}`);
  }
  // The next slot, computed once per row (OFFSET 0 keeps the planner from copying the call).
  const nextSlot = `CROSS JOIN LATERAL (SELECT carebook_next_slot(d.slot_starts, d.slot_minutes, ${earliest}) AS at OFFSET 0) n`;
  const nextOrNull = `CASE WHEN n.at < ${horizon} THEN n.at END`;

  const sort = s.sort ?? (point ? 'distance' : 'nextAvailable');
  const byDistance = sort === 'distance' && point !== null;
  // A specialization within a circle: start from the side table; the wide row joins in only when
  // a filter or the sort needs it (without a circle the GIN index on the wide table is better).
  const side = spec !== null && point !== null;
  const wide = !side || rowWhere.length > 0 || !byDistance;
  const located = side ? 'k.location' : 'd.location';
  const [key, direction] = byDistance
    ? [`${located} <-> ${point}`, 'ASC']
    : sort === 'fee'
      ? ['d.fee_amount', 'ASC']
      : sort === 'experience'
        ? ['d.years_of_experience', 'DESC']
        : [nextOrNull, 'ASC NULLS LAST'];

  const from = side
    ? ['directory_specializations k', wide ? 'JOIN directory_clinicians d ON d.clinician_id = k.clinician_id' : '']
    : ['directory_clinicians d'];
  if (!byDistance && sort === 'nextAvailable') from.push(nextSlot);
  const where = [
    ...(side ? [`k.specialization_key = lower(${spec})`] : []),
    ...(wide ? ['d.is_listed'] : []),
    ...(spec !== null && !side ? [`d.specialization_keys @> ARRAY[lower(${spec})]`] : []),
    ...(point ? [`ST_DWithin(${located}, ${point}, ${radius})`] : []),
    ...rowWhere,
  ];
  const id = side ? 'k.clinician_id' : 'd.clinician_id';

  const sql = `
    WITH page AS (
      SELECT ${id} AS clinician_id, ${key} AS sort_key, count(*) OVER () AS total
        FROM ${from.filter(Boolean).join('\n        ')}
       WHERE ${where.join('\n         AND ')}
       ORDER BY 2 ${direction}, 1
       LIMIT ${p(s.limit)} OFFSET ${p((s.page - 1) * s.limit)})
    SELECT coalesce(json_agg(json_build_object(
             'id', d.clinician_id, 'fullName', d.full_name, 'specializations', d.specializations,
             'qualifications', d.qualifications, 'languages', d.languages, 'yearsOfExperience', d.years_of_experience,
             'consultationFee', json_build_object('amount', d.fee_amount, 'currency', rtrim(d.fee_currency)),
             'consultationDurationMinutes', d.slot_minutes, 'photoUrl', d.photo_url,
             'primaryCentre', json_build_object('id', d.primary_centre_id, 'name', d.primary_centre_name, 'city', d.city),
             'centreIds', d.centre_ids, 'sessionTypes', d.session_types,
             'nextAvailableSlot', to_char((${nextOrNull}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')${
               point ? `,
             'distanceKm', round((ST_Distance(d.location, ${point}) / 1000)::numeric, 2)` : ''
             })
             ORDER BY page.sort_key ${direction}, page.clinician_id), '[]') AS items,
           coalesce(max(page.total), 0) AS total
      FROM page
      JOIN directory_clinicians d ON d.clinician_id = page.clinician_id
      ${nextSlot}`;
  return { sql, params };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
