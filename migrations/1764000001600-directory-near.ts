import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `carebook_directory_near(at, lng, lat, specialization, radius_m, limit, offset)`: the directory's
 * common search (a specialization within a circle, nearest first, no other filter; see
 * libs/directory directory-sql.ts) as a PL/pgSQL function, so each connection parses and plans
 * the statement once (PL/pgSQL caches it, like a prepared statement) instead of at every call:
 * ~0.4 ms of the ~1.1 ms it took over the 100,000-clinician bench dataset. It answers the rows
 * `buildInlineDirectorySql` writes for such a search (one per page item: clinician_id, total,
 * item as compact JSON); the directory int-spec checks that both answer the same bytes, so a
 * change of the item shape there needs a new version of this function.
 */
export class DirectoryNear1764000001600 implements MigrationInterface {
  name = 'DirectoryNear1764000001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION carebook_directory_near(p_at timestamptz, p_lng float8, p_lat float8, p_spec text, p_radius float8,
                                              p_limit integer, p_offset integer)
      RETURNS TABLE (clinician_id uuid, total bigint, item text)
      LANGUAGE plpgsql STABLE ROWS 20 AS $$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY
        WITH page AS (
          SELECT k.clinician_id AS clinician_id, k.location <-> ST_SetSRID(ST_MakePoint(p_lng, p_lat), 4326)::geography AS sort_key, count(*) OVER () AS total
            FROM directory_specializations k
           WHERE k.specialization_key = lower(p_spec)
             AND ST_DWithin(k.location, ST_SetSRID(ST_MakePoint(p_lng, p_lat), 4326)::geography, p_radius)
           ORDER BY 2 ASC, 1
           LIMIT p_limit OFFSET p_offset)
        SELECT page.clinician_id, page.total, concat('{"id":"', d.clinician_id, '","fullName":', to_json(d.full_name),
                 ',"specializations":', array_to_json(ARRAY(SELECT jsonb_array_elements_text(d.specializations))),
                 ',"qualifications":', array_to_json(ARRAY(SELECT jsonb_array_elements_text(d.qualifications))),
                 ',"languages":', array_to_json(ARRAY(SELECT jsonb_array_elements_text(d.languages))),
                 ',"yearsOfExperience":', d.years_of_experience,
                 ',"consultationFee":{"amount":', d.fee_amount, ',"currency":', to_json(rtrim(d.fee_currency)),
                 '},"consultationDurationMinutes":', d.slot_minutes,
                 ',"photoUrl":', coalesce(to_json(d.photo_url)::text, 'null'),
                 ',"primaryCentre":{"id":"', d.primary_centre_id, '","name":', to_json(d.primary_centre_name),
                 ',"city":', to_json(d.city::text),
                 '},"centreIds":', to_json(d.centre_ids), ',"sessionTypes":', to_json(d.session_types),
                 ',"nextAvailableSlot":', coalesce('"' || to_char((CASE WHEN n.at < p_at + interval '14 days' THEN n.at END) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null'),
                 ',"distanceKm":', trim_scale(round((ST_Distance(d.location, ST_SetSRID(ST_MakePoint(p_lng, p_lat), 4326)::geography) / 1000)::numeric, 2)), '}') AS item
          FROM page
          JOIN directory_clinicians d ON d.clinician_id = page.clinician_id
          CROSS JOIN LATERAL (
            SELECT CASE WHEN lower(r) >= a.after THEN lower(r)
                        ELSE lower(r) + ceil(extract(epoch FROM a.after - lower(r)) / (d.slot_minutes * 60))
                                        * make_interval(mins => d.slot_minutes)
                   END AS at
              FROM (SELECT p_at + make_interval(mins => d.min_notice_minutes) AS after) a
              LEFT JOIN LATERAL unnest(d.slot_starts) AS r ON upper(r) >= a.after
             LIMIT 1) n
         ORDER BY page.sort_key ASC, page.clinician_id;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION carebook_directory_near(timestamptz, float8, float8, text, float8, integer, integer)`,
    );
  }
}
