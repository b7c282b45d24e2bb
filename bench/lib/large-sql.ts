/**
 * SQL of the large dataset (see large-dataset.ts): one INSERT ... SELECT generate_series per
 * table, ids derived with md5 from the row number (every load is the same), the directory's
 * slot runs derived from the rules. Each step names its parameters.
 */
export const LARGE_PREFIX = 'Large centre ';
export const SPECIALIZATIONS = [
  'General Physician',
  'Paediatrics',
  'Gynaecology',
  'Dermatology',
  'Orthopaedics',
  'Dentistry',
  'ENT',
  'Ophthalmology',
  'Cardiology',
  'Psychiatry',
  'Physiotherapy',
  'Neurology',
  'Endocrinology',
  'Gastroenterology',
  'Pulmonology',
  'Urology',
  'Nephrology',
  'Oncology',
  'Ayurveda',
  'Homeopathy',
];
export const LANGUAGES = [
  'Hindi',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Marathi',
  'Bengali',
  'Gujarati',
  'Punjabi',
];
// [name, lat, lng, weight]: bigger cities get more centres.
export const CITIES: ReadonlyArray<[string, number, number, number]> = [
  ['Mumbai', 19.076, 72.8777, 10],
  ['New Delhi', 28.6139, 77.209, 10],
  ['Bengaluru', 12.9716, 77.5946, 9],
  ['Hyderabad', 17.385, 78.4867, 7],
  ['Chennai', 13.0827, 80.2707, 7],
  ['Kolkata', 22.5726, 88.3639, 7],
  ['Pune', 18.5204, 73.8567, 5],
  ['Ahmedabad', 23.0225, 72.5714, 5],
  ['Jaipur', 26.9124, 75.7873, 3],
  ['Lucknow', 26.8467, 80.9462, 3],
  ['Surat', 21.1702, 72.8311, 3],
  ['Kanpur', 26.4499, 80.3319, 2],
  ['Nagpur', 21.1458, 79.0882, 2],
  ['Indore', 22.7196, 75.8577, 2],
  ['Bhopal', 23.2599, 77.4126, 2],
  ['Patna', 25.5941, 85.1376, 2],
  ['Vadodara', 22.3072, 73.1812, 2],
  ['Ludhiana', 30.901, 75.8573, 2],
  ['Agra', 27.1767, 78.0081, 1],
  ['Nashik', 19.9975, 73.7898, 1],
  ['Kochi', 9.9312, 76.2673, 2],
  ['Coimbatore', 11.0168, 76.9558, 2],
  ['Madurai', 9.9252, 78.1198, 1],
  ['Visakhapatnam', 17.6868, 83.2185, 2],
  ['Thiruvananthapuram', 8.5241, 76.9366, 1],
  ['Guwahati', 26.1445, 91.7362, 1],
  ['Bhubaneswar', 20.2961, 85.8245, 1],
  ['Chandigarh', 30.7333, 76.7794, 2],
  ['Mysuru', 12.2958, 76.6394, 1],
  ['Raipur', 21.2514, 81.6296, 1],
  ['Ranchi', 23.3441, 85.3096, 1],
  ['Dehradun', 30.3165, 78.0322, 1],
  ['Amritsar', 31.634, 74.8723, 1],
  ['Varanasi', 25.3176, 82.9739, 1],
  ['Vijayawada', 16.5062, 80.648, 1],
  ['Mangaluru', 12.9141, 74.856, 1],
  ['Jodhpur', 26.2389, 73.0243, 1],
  ['Panaji', 15.4909, 73.8278, 1],
  ['Udaipur', 24.5854, 73.7125, 1],
  ['Srinagar', 34.0837, 74.7973, 1],
];
/** Spread of centres around their city centre, in degrees of latitude (~10 km). */
export const CITY_SIGMA_DEG = 0.09;

const clinicianId = `md5('large-clinician-' || g)::uuid`;
const centreOf = (n: string) => `md5('large-centre-' || (1 + (g * 7919) % ${n}))::uuid`;

/**
 * Free slot starts as inclusive runs for local days today..today+15, per large clinician, from
 * their rules; a session of n slots loses slot h (a booking) when h < n (h random in 0..n+1).
 */
export const SLOT_RUNS = `
  WITH days AS (
    SELECT z.time_zone, extract(dow FROM d)::int AS dow, extract(epoch FROM d AT TIME ZONE z.time_zone) AS midnight
      FROM (SELECT DISTINCT time_zone FROM centres WHERE name LIKE '${LARGE_PREFIX}%') z,
           generate_series((now() AT TIME ZONE 'Asia/Kolkata')::date::timestamp,
                           (now() AT TIME ZONE 'Asia/Kolkata')::date::timestamp + interval '15 days', interval '1 day') d)
  SELECT s.clinician_id,
         range_agg(tstzrange(to_timestamp(s.first + v.a * s.step), to_timestamp(s.first + v.b * s.step), '[]')) AS runs
    FROM (SELECT r.clinician_id, c.consultation_duration_minutes * 60 AS step, days.midnight + r.start_minute * 60 AS first,
                 (r.end_minute - r.start_minute) / c.consultation_duration_minutes AS n,
                 floor(random() * ((r.end_minute - r.start_minute) / c.consultation_duration_minutes + 2))::int AS h
            FROM availability_rules r
            JOIN clinicians c ON c.id = r.clinician_id
            JOIN centres ce ON ce.id = r.centre_id AND ce.name LIKE '${LARGE_PREFIX}%'
            JOIN days ON days.time_zone = ce.time_zone AND days.dow = r.day_of_week) s,
         -- slots a..b of the session (0-based, inclusive); slot h is booked when h < n
         LATERAL (VALUES (0, CASE WHEN s.h >= s.n THEN s.n - 1 ELSE s.h - 1 END), (s.h + 1, s.n - 1)) v(a, b)
   WHERE v.a <= v.b
   GROUP BY s.clinician_id`;

export interface LoadStep {
  table: string;
  sql: string;
  /** Joins the tables loaded before it: give the planner their statistics first. */
  analyseFirst?: boolean;
  params: (size: { clinicians: number; centres: number }) => unknown[];
}

const cities = () =>
  JSON.stringify(CITIES.map(([name, lat, lng, w], i) => ({ name, lat, lng, w, i })));

/** In order; each INSERT fills `table`. */
export const LOAD_STEPS: LoadStep[] = [
  {
    table: 'centres',
    sql: `WITH city AS (SELECT name, lat, lng, sum(w) OVER (ORDER BY i) / sum(w) OVER () AS cum
                       FROM jsonb_to_recordset($1::jsonb) AS x(name text, lat float8, lng float8, w float8, i int)),
            p AS (SELECT g, random() AS u, 1 - random() AS u1, random() AS u2 FROM generate_series(1, $2::int) g)
       INSERT INTO centres (id, name, city, address, phone, email, time_zone, location)
       SELECT md5('large-centre-' || p.g)::uuid, '${LARGE_PREFIX}' || p.g, ci.name, p.g || ' Hospital Road, ' || ci.name,
              '+91' || (8000000000 + p.g)::text, 'large' || p.g || '@carebook.example', 'Asia/Kolkata',
              ST_SetSRID(ST_MakePoint(
                ci.lng + $3 * sqrt(-2 * ln(p.u1)) * sin(2 * pi() * p.u2) / cos(radians(ci.lat)),
                ci.lat + $3 * sqrt(-2 * ln(p.u1)) * cos(2 * pi() * p.u2)), 4326)::geography
         FROM p CROSS JOIN LATERAL (SELECT * FROM city WHERE city.cum >= p.u ORDER BY city.cum LIMIT 1) ci`,
    params: ({ centres }) => [cities(), centres, CITY_SIGMA_DEG],
  },
  {
    table: 'staff_users',
    params: ({ clinicians }) => [clinicians],
    sql: `INSERT INTO staff_users (id, full_name, phone, role)
       SELECT md5('large-user-' || g)::uuid,
              'Dr ' || (ARRAY['Asha','Ravi','Meera','Arjun','Priya','Vikram','Lakshmi','Rahul','Fatima','Suresh','Anita','Imran','Kavya','Nikhil','Deepa','Sanjay'])[1 + g % 16]
              || ' ' || (ARRAY['Sharma','Iyer','Reddy','Nair','Patel','Gupta','Khan','Das','Menon','Rao','Singh','Joshi','Bose','Pillai'])[1 + (g / 16) % 14],
              '+91' || (6000000000 + g)::text, 'CLINICIAN'
         FROM generate_series(1, $1::int) g`,
  },
  {
    table: 'clinicians',
    sql: `INSERT INTO clinicians (id, user_id, specializations, qualifications, languages, years_of_experience, fee_amount,
                               fee_currency, consultation_duration_minutes, bio, primary_centre_id, min_notice_minutes)
       SELECT ${clinicianId}, md5('large-user-' || g)::uuid,
              CASE WHEN r3 < 0.25 AND i2 <> i1 THEN jsonb_build_array(s[i1], s[i2]) ELSE jsonb_build_array(s[i1]) END,
              '["MBBS"]', CASE WHEN r4 < 0.5 THEN jsonb_build_array('English', 'Hindi', l[i3]) ELSE jsonb_build_array('English', l[i3]) END,
              floor(r5 * 35)::int, 30000 + floor(r6 * 12)::int * 10000, 'INR', (ARRAY[10, 15, 15, 20, 20, 30])[1 + floor(r7 * 6)::int],
              'Consultant at a large bench centre.', ${centreOf('$2')}, (ARRAY[60, 120, 120, 240])[1 + g % 4]
         FROM (SELECT g, $3::text[] AS s, $4::text[] AS l,
                      1 + floor(power(random(), 1.7) * cardinality($3::text[]))::int AS i1,
                      1 + floor(random() * cardinality($3::text[]))::int AS i2, 1 + floor(random() * cardinality($4::text[]))::int AS i3,
                      random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7
                 FROM generate_series(1, $1::int) g) x`,
    params: ({ clinicians, centres }) => [clinicians, centres, SPECIALIZATIONS, LANGUAGES],
  },
  {
    table: 'clinician_centres',
    params: ({ clinicians, centres }) => [clinicians, centres],
    sql: `INSERT INTO clinician_centres (clinician_id, centre_id) SELECT ${clinicianId}, ${centreOf('$2')} FROM generate_series(1, $1::int) g`,
  },
  // 60 % work Mon-Sat, 25 % Mon/Wed/Fri, 15 % Tue/Thu/Sat; 40 % mornings only, 40 % both, 20 % evenings only.
  {
    table: 'availability_rules',
    params: ({ clinicians, centres }) => [clinicians, centres],
    sql: `INSERT INTO availability_rules (clinician_id, centre_id, day_of_week, start_minute, end_minute, session_type)
       SELECT x.id, x.centre, d, v.s, v.e, v.t
         FROM (SELECT ${clinicianId} AS id, ${centreOf('$2')} AS centre, random() AS pr, random() AS sr,
                      480 + 60 * floor(random() * 3)::int AS ms, 1020 + 60 * floor(random() * 2)::int AS es, random() AS online
                 FROM generate_series(1, $1::int) g) x
        CROSS JOIN LATERAL unnest(CASE WHEN x.pr < 0.6 THEN ARRAY[1,2,3,4,5,6] WHEN x.pr < 0.85 THEN ARRAY[1,3,5] ELSE ARRAY[2,4,6] END) d
        CROSS JOIN LATERAL (VALUES (x.sr < 0.8, x.ms, x.ms + 240, 'IN_PERSON'),
                                   (x.sr >= 0.4, x.es, x.es + 180, CASE WHEN x.online < 0.15 THEN 'ONLINE' ELSE 'IN_PERSON' END)) v(keep, s, e, t)
        WHERE v.keep`,
  },
  {
    table: 'directory_clinicians',
    analyseFirst: true,
    params: () => [],
    sql: `INSERT INTO directory_clinicians (clinician_id, full_name, specializations, specialization_keys, languages, language_keys,
         qualifications, years_of_experience, fee_amount, fee_currency, slot_minutes, min_notice_minutes, bio, primary_centre_id,
         primary_centre_name, centre_ids, city, location, session_types, is_listed, slot_starts, projected_at)
       SELECT c.id, u.full_name, c.specializations, ARRAY(SELECT lower(x) FROM jsonb_array_elements_text(c.specializations) x),
              c.languages, ARRAY(SELECT lower(x) FROM jsonb_array_elements_text(c.languages) x), c.qualifications,
              c.years_of_experience, c.fee_amount, c.fee_currency, c.consultation_duration_minutes, c.min_notice_minutes, c.bio,
              ce.id, ce.name, ARRAY[ce.id], ce.city, ce.location,
              st.types, true, coalesce(runs.runs, '{}'), now()
         FROM clinicians c JOIN staff_users u ON u.id = c.user_id
         JOIN centres ce ON ce.id = c.primary_centre_id AND ce.name LIKE '${LARGE_PREFIX}%'
         JOIN (SELECT clinician_id, array_agg(DISTINCT session_type ORDER BY session_type) AS types
                 FROM availability_rules GROUP BY clinician_id) st ON st.clinician_id = c.id
         LEFT JOIN (${SLOT_RUNS}) runs ON runs.clinician_id = c.id`,
  },
  // What the directory's trigger writes for each row (triggers are off during the load).
  {
    table: 'directory_specializations',
    params: () => [],
    sql: `INSERT INTO directory_specializations (specialization_key, clinician_id, location)
       SELECT DISTINCT k, d.clinician_id, d.location
         FROM directory_clinicians d JOIN centres ce ON ce.id = d.primary_centre_id AND ce.name LIKE '${LARGE_PREFIX}%',
              unnest(d.specialization_keys) AS k
        WHERE d.is_listed`,
  },
];
