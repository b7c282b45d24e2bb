/**
 * A small fixed cast for the slot and booking benches, written with SQL (idempotent, fixed ids):
 * one centre (in the South Atlantic, away from every geo query), CLINICIAN staff users and their
 * clinicians, and patients. Every clinician works Mon-Sat 09:00-13:00 and 14:00-20:00 at the
 * centre (Asia/Kolkata, no DST), 15-minute slots, no buffers, 2 h notice, 60-day horizon: 40
 * slots a working day. Clinician 0 belongs to bench:slots, 1 to bench:race, 2+ to bench:booking.
 */
import type { Client } from 'pg';
import { inTransaction } from './db';

export const FIXTURE_CLINICIANS = 50;
export const FIXTURE_PATIENTS = 16;
export const SLOT_MINUTES = 15;
export const TIME_ZONE = 'Asia/Kolkata';
const OFFSET = '+05:30'; // Asia/Kolkata has no DST
/** Local [start, end) minutes of a working day (Mon-Sat). */
export const SESSIONS: ReadonlyArray<[number, number]> = [
  [9 * 60, 13 * 60],
  [14 * 60, 20 * 60],
];

const id = (kind: number, i: number) =>
  `b${kind}000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
export const fixtureCentreId = id(0, 1);
export const fixtureUserId = (i: number) => id(1, i);
export const fixtureClinicianId = (i: number) => id(2, i);
export const fixturePatientId = (i: number) => id(3, i);

/** Creates whatever of the cast is missing. */
export async function ensureFixture(c: Client): Promise<void> {
  const n = FIXTURE_CLINICIANS;
  await inTransaction(c, async () => {
    await c.query(
      `INSERT INTO centres (id, name, city, address, phone, time_zone, location)
       VALUES ($1, 'Bench fixture centre', 'Benchpur', '1 Bench Road', '+918041009999', $2,
               ST_SetSRID(ST_MakePoint(-30.5, -40.5), 4326)::geography)
       ON CONFLICT DO NOTHING`,
      [fixtureCentreId, TIME_ZONE],
    );
    await c.query(
      `INSERT INTO staff_users (id, full_name, phone, role)
       SELECT ('b1000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Dr Bench ' || g,
              '+9170000' || lpad(g::text, 5, '0'), 'CLINICIAN'
         FROM generate_series(0, $1::int - 1) g
       ON CONFLICT DO NOTHING`,
      [n],
    );
    await c.query(
      `INSERT INTO clinicians (id, user_id, specializations, languages, fee_amount, fee_currency,
                               consultation_duration_minutes, primary_centre_id)
       SELECT ('b2000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
              ('b1000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
              '["General Physician"]', '["English"]', 50000, 'INR', $2, $3
         FROM generate_series(0, $1::int - 1) g
       ON CONFLICT DO NOTHING`,
      [n, SLOT_MINUTES, fixtureCentreId],
    );
    await c.query(
      `INSERT INTO clinician_centres (clinician_id, centre_id)
       SELECT ('b2000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, $2
         FROM generate_series(0, $1::int - 1) g
       ON CONFLICT DO NOTHING`,
      [n, fixtureCentreId],
    );
    await c.query(
      `INSERT INTO availability_rules (clinician_id, centre_id, day_of_week, start_minute, end_minute, session_type)
       SELECT ('b2000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, $2, d, s[1], s[2], 'IN_PERSON'
         FROM generate_series(0, $1::int - 1) g, generate_series(1, 6) d,
              (SELECT ARRAY[x, y] AS s FROM jsonb_to_recordset($3::jsonb) AS t(x int, y int)) sessions
       ON CONFLICT DO NOTHING`,
      [n, fixtureCentreId, JSON.stringify(SESSIONS.map(([x, y]) => ({ x, y })))],
    );
    await c.query(
      `INSERT INTO patients (id, full_name, phone)
       SELECT ('b3000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Bench patient ' || g,
              '+9171000' || lpad(g::text, 5, '0')
         FROM generate_series(0, $1::int - 1) g
       ON CONFLICT DO NOTHING`,
      [FIXTURE_PATIENTS],
    );
  });
}

/**
 * Deletes the clinicians' appointments and the outbox rows they wrote (bench database only),
 * then vacuums both tables so the next phase does not wade through dead rows. Answers how many.
 */
export async function resetAppointments(c: Client, clinicianIds: string[]): Promise<number> {
  const deleted = await inTransaction(c, async () => {
    await c.query(
      `DELETE FROM outbox WHERE aggregate_id IN (SELECT id::text FROM appointments WHERE clinician_id = ANY($1::uuid[]))`,
      [clinicianIds],
    );
    const { rowCount } = await c.query(
      'DELETE FROM appointments WHERE clinician_id = ANY($1::uuid[])',
      [clinicianIds],
    );
    return rowCount ?? 0;
  });
  await c.query('VACUUM ANALYZE appointments, outbox');
  return deleted;
}

/** The local date (YYYY-MM-DD, Asia/Kolkata) `days` after today's. */
export function localDate(days: number, now = Date.now()): string {
  const local = new Date(now + 330 * 60_000); // UTC+05:30 as if it were UTC
  local.setUTCDate(local.getUTCDate() + days);
  return local.toISOString().slice(0, 10);
}

/** Every slot start (ms) of a fixture clinician on local dates `from..to`, in time order. */
export function fixtureSlots(from: string, to: string): number[] {
  const out: number[] = [];
  for (
    let day = Date.parse(`${from}T00:00:00Z`);
    day <= Date.parse(`${to}T00:00:00Z`);
    day += 86_400_000
  ) {
    const date = new Date(day);
    if (date.getUTCDay() === 0) continue; // Sunday off
    const midnight = Date.parse(`${date.toISOString().slice(0, 10)}T00:00:00${OFFSET}`);
    for (const [start, end] of SESSIONS)
      for (let m = start; m + SLOT_MINUTES <= end; m += SLOT_MINUTES)
        out.push(midnight + m * 60_000);
  }
  return out;
}
