import type { ClinicianSearch } from './search-clinicians.query';

/** Days ahead the directory looks for a next free slot. */
export const NEXT_SLOT_DAYS = 14;

/**
 * Builds the one directory query for a search. Every shape answers the same rows, one per item
 * of the page in order: `clinician_id`, `total` (the matches of the whole search) and `item`,
 * the item as compact JSON text in the shape of ClinicianSummaryDto, byte for byte what
 * `JSON.stringify` writes for it (no spaces, `distanceKm` without trailing zeros), so the route
 * writes the page without parsing and stringifying it again. A page past the end has no rows
 * (total 0).
 *
 * The common search (a specialization within a circle, nearest first, no other filter) calls
 * `carebook_directory_near()` (migration 1764000001600): the same statement as
 * {@link buildInlineDirectorySql} writes for it, kept in a PL/pgSQL function so each connection
 * plans it once instead of at every call (parse + plan was ~40 % of its time). Any other search
 * runs the inline statement.
 */
export function buildDirectorySql(s: ClinicianSearch, now: Date): { sql: string; params: unknown[] } {
  if (!isNearSearch(s)) return buildInlineDirectorySql(s, now);
  const { near, specialization } = s;
  return {
    sql: `SELECT clinician_id, total, item
      FROM carebook_directory_near($1::timestamptz, $2::float8, $3::float8, $4::text, $5::float8, $6::int, $7::int)`,
    params: [now, near.lng, near.lat, specialization.trim(), near.radiusKm * 1000, s.limit, (s.page - 1) * s.limit],
  };
}

/** A specialization within a circle, nearest first, and nothing else: `carebook_directory_near()`. */
function isNearSearch(s: ClinicianSearch): s is ClinicianSearch & { near: NonNullable<ClinicianSearch['near']>; specialization: string } {
  return (
    s.near !== undefined &&
    !!s.specialization &&
    (s.sort ?? 'distance') === 'distance' &&
    !s.language &&
    !s.centreId &&
    !s.city &&
    !s.name &&
    s.minFee === undefined &&
    s.maxFee === undefined &&
    !s.sessionType &&
    !s.availableFrom &&
    !s.availableTo
  );
}

/**
 * The directory query written for the search, with only the conditions it uses, so the planner
 * can pick the GiST/GIN index that fits (a catch-all `$1 IS NULL OR …` would defeat them).
 *
 * Two steps in one statement: `page` finds the matches, counts them (`total`) and keeps the
 * page's ids in order, reading as little as it can; the outer query then reads the wide rows and
 * computes distance, next free slot and the item's JSON for those page rows only. With a
 * specialization, `page` reads the narrow side table `directory_specializations` (GiST on key +
 * location: only the matching clinicians of the circle), joining the wide rows only when another
 * filter or the sort needs them.
 */
export function buildInlineDirectorySql(s: ClinicianSearch, now: Date): { sql: string; params: unknown[] } {
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
  const nextSlot = nextSlotJoin(`${at}::timestamptz`);
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
    SELECT page.clinician_id, page.total, ${itemJson(nextOrNull, point)} AS item
      FROM page
      JOIN directory_clinicians d ON d.clinician_id = page.clinician_id
      ${nextSlot}
     ORDER BY page.sort_key ${direction}, page.clinician_id`;
  return { sql, params };
}

/**
 * `n.at`: the clinician's first free slot start at or after `at` plus their notice (the first
 * run that reaches it, stepped on to the next start of that run), or null. The same as
 * `carebook_next_slot(d.slot_starts, d.slot_minutes, at + notice)` written in the statement,
 * which spares a SQL-function call per page row, and without its sort: `unnest` answers a
 * multirange's ranges in ascending order (documented), so the first that reaches `after` is the
 * one `ORDER BY lower(r)` would pick.
 */
function nextSlotJoin(at: string): string {
  return `CROSS JOIN LATERAL (
        SELECT CASE WHEN lower(r) >= a.after THEN lower(r)
                    ELSE lower(r) + ceil(extract(epoch FROM a.after - lower(r)) / (d.slot_minutes * 60))
                                    * make_interval(mins => d.slot_minutes)
               END AS at
          FROM (SELECT ${at} + make_interval(mins => d.min_notice_minutes) AS after) a
          LEFT JOIN LATERAL unnest(d.slot_starts) AS r ON upper(r) >= a.after
         LIMIT 1) n`;
}

/** ClinicianSummaryDto of the row `d` as compact JSON text (a jsonb array of strings goes through text[] to lose its spaces). */
function itemJson(nextOrNull: string, point: string | null): string {
  const strings = (column: string) => `array_to_json(ARRAY(SELECT jsonb_array_elements_text(${column})))`;
  return `concat('{"id":"', d.clinician_id, '","fullName":', to_json(d.full_name),
             ',"specializations":', ${strings('d.specializations')},
             ',"qualifications":', ${strings('d.qualifications')},
             ',"languages":', ${strings('d.languages')},
             ',"yearsOfExperience":', d.years_of_experience,
             ',"consultationFee":{"amount":', d.fee_amount, ',"currency":', to_json(rtrim(d.fee_currency)),
             '},"consultationDurationMinutes":', d.slot_minutes,
             ',"photoUrl":', coalesce(to_json(d.photo_url)::text, 'null'),
             ',"primaryCentre":{"id":"', d.primary_centre_id, '","name":', to_json(d.primary_centre_name),
             ',"city":', to_json(d.city::text),
             '},"centreIds":', to_json(d.centre_ids), ',"sessionTypes":', to_json(d.session_types),
             ',"nextAvailableSlot":', coalesce('"' || to_char((${nextOrNull}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')${
               point ? `,
             ',"distanceKm":', trim_scale(round((ST_Distance(d.location, ${point}) / 1000)::numeric, 2))` : ''
             }, '}')`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
