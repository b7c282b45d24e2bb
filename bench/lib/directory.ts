/**
 * Parts of bench:directory: query points near the large dataset's cities, the handler's SQL
 * captured at run time, the naive baseline (every row over the wire, Haversine in JS), and the
 * check that HTTP and SQL agree before anything is measured.
 */
import { SearchClinicians } from '@carebook/directory';
import type { QueryBus } from '@nestjs/cqrs';
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { CITIES, SPECIALIZATIONS } from './large-sql';
import { prng } from './load';
import { fail } from './report';

export const RADIUS_KM = 10;
export const LIMIT = 20;
const SENTINEL = { lat: 12.3456789, lng: 77.6543219, spec: 'Bench-Sentinel' };
const NAIVE_CHECKS = 3; // each costs a naive call (0.3-2 s)

export interface Point {
  lat: number;
  lng: number;
  spec: string;
}

export const pathOf = (p: Point) =>
  `/api/v1/clinicians?lat=${p.lat}&lng=${p.lng}&radiusKm=${RADIUS_KM}&specialization=${encodeURIComponent(p.spec)}`;

/** `n` points around the dataset's cities (weighted like its centres, ~7 km), one specialization each. */
export function cityPoints(n: number, seed: number): Point[] {
  const rand = prng(seed);
  const sum = CITIES.reduce((a, c) => a + c[3], 0);
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return Array.from({ length: n }, (_, i) => {
    let u = rand() * sum;
    const [, lat, lng] = CITIES.find((c) => (u -= c[3]) < 0) ?? CITIES[0];
    const r = 0.06 * Math.sqrt(-2 * Math.log(1 - rand()));
    const t = 2 * Math.PI * rand();
    const dLng = (r * Math.sin(t)) / Math.cos((lat * Math.PI) / 180);
    return {
      lat: round(lat + r * Math.cos(t)),
      lng: round(lng + dLng),
      spec: SPECIALIZATIONS[i % SPECIALIZATIONS.length],
    };
  });
}

/**
 * Runs one search through the QueryBus with sentinel values while recording what the handler
 * sends to `DataSource.query`; answers that SQL and how to bind another point to its parameters.
 */
export async function captureHandlerSql(queries: QueryBus, db: DataSource) {
  const seen: Array<[string, unknown[]]> = [];
  const original = db.query.bind(db);
  const spy = db as unknown as { query: (sql: string, params?: unknown[]) => Promise<unknown> };
  spy.query = (sql, params) => {
    seen.push([sql, params ?? []]);
    return original(sql, params);
  };
  try {
    const near = { lat: SENTINEL.lat, lng: SENTINEL.lng, radiusKm: RADIUS_KM };
    await queries.execute(
      new SearchClinicians({ near, specialization: SENTINEL.spec, page: 1, limit: LIMIT }),
    );
  } finally {
    delete (spy as { query?: unknown }).query; // back to the prototype's method
  }
  const found = seen.find(([, p]) =>
    [SENTINEL.lat, SENTINEL.lng, SENTINEL.spec].every((v) => p.includes(v)),
  );
  if (!found)
    fail(
      'could not capture the SearchClinicians SQL (no query carried the sentinel point); update bench/lib/directory.ts',
    );
  const [sql, params] = found;
  const at = {
    lat: params.indexOf(SENTINEL.lat),
    lng: params.indexOf(SENTINEL.lng),
    spec: params.indexOf(SENTINEL.spec),
  };
  const now = params.findIndex((x) => x instanceof Date);
  const bind = (p: Point) =>
    params.map((x, k) =>
      k === at.lat
        ? p.lat
        : k === at.lng
          ? p.lng
          : k === at.spec
            ? p.spec
            : k === now
              ? new Date()
              : x,
    );
  return { sql, bind };
}

/**
 * The naive baseline: every listed clinician's id, position and specializations over the wire,
 * distance (Haversine) and filter in JS, sort, then the 20 kept clinicians' rows with their next
 * slot. Only the columns it filters on cross for all rows, which keeps it conservative.
 */
export async function naive(c: Client, p: Point): Promise<string[]> {
  const { rows } = await c.query<{ id: string; lat: number; lng: number; keys: string[] }>(
    `SELECT clinician_id AS id, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng, specialization_keys AS keys
       FROM directory_clinicians WHERE is_listed`,
  );
  const key = p.spec.toLowerCase();
  const hits: Array<{ id: string; km: number }> = [];
  for (const r of rows) {
    if (!r.keys.includes(key)) continue;
    const km = haversineKm(p.lat, p.lng, r.lat, r.lng);
    if (km <= RADIUS_KM) hits.push({ id: r.id, km });
  }
  hits.sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : 1));
  const top = hits.slice(0, LIMIT).map((x) => x.id);
  await c.query(
    `SELECT clinician_id, full_name, specializations, qualifications, languages, years_of_experience, fee_amount,
            fee_currency, slot_minutes, photo_url, primary_centre_id, primary_centre_name, city, centre_ids, session_types,
            carebook_next_slot(slot_starts, slot_minutes, now() + make_interval(mins => min_notice_minutes)) AS next_slot
       FROM directory_clinicians WHERE clinician_id = ANY($1::uuid[])`,
    [top],
  );
  return top;
}

function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

/** A row of the handler's SQL: one per clinician, or one per page with the items as JSON. */
interface SqlRow {
  clinician_id?: string;
  items?: Array<{ id: string }>;
  total: string;
}

function pageOfSql(rows: SqlRow[]): { ids: string; total: number } {
  const ids = rows[0]?.items
    ? rows[0].items.map((x) => x.id)
    : rows.map((r) => r.clinician_id ?? '');
  return { ids: ids.join(), total: Number(rows[0]?.total ?? 0) };
}

/** HTTP must give the SQL's ids, in order, with its total (else the ratio means nothing); naive is compared, not required. */
export async function checkAnswers(
  c: Client,
  port: number,
  sql: string,
  points: Point[],
  bind: (p: Point) => unknown[],
) {
  let naiveSame = 0;
  let total = 0;
  for (const [i, p] of points.entries()) {
    const { ids, total: sqlTotal } = pageOfSql((await c.query<SqlRow>(sql, bind(p))).rows);
    const res = await fetch(`http://127.0.0.1:${port}${pathOf(p)}`);
    if (res.status !== 200)
      fail(`check: ${pathOf(p)} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    const page = (await res.json()) as { items: Array<{ id: string }>; total: number };
    if (page.items.map((x) => x.id).join() !== ids || page.total !== sqlTotal)
      fail(`check: at ${p.lat},${p.lng} (${p.spec}) the route and the SQL disagree`);
    if (i < NAIVE_CHECKS && (await naive(c, p)).join() === ids) naiveSame++;
    total += page.total;
  }
  return {
    points: points.length,
    naive: `${naiveSame} of ${Math.min(NAIVE_CHECKS, points.length)}`,
    avgTotal: total / points.length,
  };
}
