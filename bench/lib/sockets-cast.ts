/**
 * The cast of bench:sockets, written with SQL (idempotent, fixed ids, separate from
 * fixtures.ts' cast): `centres` centres (South Atlantic, away from every geo query), each with
 * its front desk (FRONT_DESK users and one CENTRE_MANAGER) and its clinicians (CLINICIAN staff
 * users with a clinician profile working Mon-Sat like fixtures.ts' cast), plus patients: one
 * socket per person, patients filling the sockets left after the staff. Every person has an
 * open `auth_sessions` row, so the access tokens the bench signs with the API's own JwtService
 * pass the PrincipalGate exactly as signed-in users' tokens do (signing in 1,000 people through
 * the routes would mostly time argon2 and OTPs).
 */
import type { Client } from 'pg';
import { inTransaction } from './db';
import { SESSIONS, SLOT_MINUTES, TIME_ZONE } from './fixtures';

export interface CastSize {
  centres: number;
  /** Per centre: FRONT_DESK users (plus one CENTRE_MANAGER). */
  desk: number;
  /** Per centre. */
  clinicians: number;
  /** Total sockets: patients = sockets - staff. */
  sockets: number;
}

export type Person =
  | { kind: 'desk'; id: string; role: 'FRONT_DESK' | 'CENTRE_MANAGER'; centre: number }
  | { kind: 'clinician'; id: string; clinicianId: string; centre: number; index: number }
  | { kind: 'patient'; id: string; index: number };

export interface Cast {
  size: CastSize;
  centreIds: string[];
  /** One socket each, in this order: desk, clinicians, patients. */
  people: Person[];
  /** Socket indexes of each centre's desk (FRONT_DESK + CENTRE_MANAGER). */
  deskOf: number[][];
  /** Clinicians in booking order (round-robin over centres), with their socket index. */
  clinicians: Array<{ clinicianId: string; userId: string; centre: number; socket: number }>;
  /** Patients with their socket index. */
  patients: Array<{ id: string; socket: number }>;
}

const id = (kind: number, i: number) =>
  `c5${kind}00000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const centreId = (c: number) => id(0, c);
const deskUserId = (c: number, d: number) => id(1, c * 1000 + d);
const clinicianUserId = (c: number, k: number) => id(2, c * 1000 + k);
const clinicianId = (c: number, k: number) => id(3, c * 1000 + k);
const patientId = (p: number) => id(4, p);
/** The session of a principal: `c56<kind>0000-<same suffix>`. */
const sessionOf = (principalId: string) => `c56${principalId[2]}0000${principalId.slice(8)}`;
const digits = (n: number, width: number) => n.toString().padStart(width, '0');

export function planCast(size: CastSize): Cast {
  const staff = size.centres * (size.desk + 1 + size.clinicians);
  const patients = size.sockets - staff;
  if (patients < size.centres)
    throw new Error(
      `--sockets ${size.sockets} leaves ${patients} patients after ${staff} staff sockets; raise it`,
    );
  const people: Person[] = [];
  const deskOf: number[][] = [];
  for (let c = 0; c < size.centres; c++) {
    deskOf.push([]);
    for (let d = 0; d <= size.desk; d++) {
      deskOf[c].push(people.length);
      people.push({
        kind: 'desk',
        id: deskUserId(c, d),
        role: d === size.desk ? 'CENTRE_MANAGER' : 'FRONT_DESK',
        centre: c,
      });
    }
  }
  const clinicians: Cast['clinicians'] = [];
  for (let k = 0; k < size.clinicians; k++)
    for (let c = 0; c < size.centres; c++) {
      clinicians.push({
        clinicianId: clinicianId(c, k),
        userId: clinicianUserId(c, k),
        centre: c,
        socket: people.length,
      });
      people.push({
        kind: 'clinician',
        id: clinicianUserId(c, k),
        clinicianId: clinicianId(c, k),
        centre: c,
        index: k,
      });
    }
  const pts: Cast['patients'] = [];
  for (let p = 0; p < patients; p++) {
    pts.push({ id: patientId(p), socket: people.length });
    people.push({ kind: 'patient', id: patientId(p), index: p });
  }
  return {
    size,
    centreIds: Array.from({ length: size.centres }, (_, c) => centreId(c)),
    people,
    deskOf,
    clinicians,
    patients: pts,
  };
}

/** Creates whatever of the cast is missing, and an open session for everyone. */
export async function ensureCast(c: Client, cast: Cast): Promise<void> {
  await inTransaction(c, async () => {
    await c.query(
      `INSERT INTO centres (id, name, city, address, phone, time_zone, location)
       SELECT x.id, 'Sockets bench centre ' || x.n, 'Socketpur', x.n || ' Bench Road',
              '+9180420' || lpad(x.n::text, 5, '0'), $2,
              ST_SetSRID(ST_MakePoint(-31.5 - x.n * 0.01, -41.5), 4326)::geography
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, n int)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(cast.centreIds.map((cid, n) => ({ id: cid, n }))), TIME_ZONE],
    );
    // Staff: desk and clinician users, each attached to their centre.
    const staff = cast.people.flatMap((p, n) =>
      p.kind === 'patient'
        ? []
        : [
            {
              id: p.id,
              name: p.kind === 'desk' ? `Desk ${n}` : `Dr Socket ${n}`,
              phone: `+9172${digits(n, 8)}`,
              role: p.kind === 'desk' ? p.role : 'CLINICIAN',
              centre: cast.centreIds[p.centre],
            },
          ],
    );
    await c.query(
      `INSERT INTO staff_users (id, full_name, phone, role)
       SELECT x.id, x.name, x.phone, x.role FROM jsonb_to_recordset($1::jsonb)
           AS x(id uuid, name text, phone text, role text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(staff)],
    );
    await c.query(
      `INSERT INTO staff_user_centres (user_id, centre_id)
       SELECT x.id, x.centre FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, centre uuid)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(staff)],
    );
    const clinicians = cast.clinicians.map((k) => ({
      id: k.clinicianId,
      user: k.userId,
      centre: cast.centreIds[k.centre],
    }));
    await c.query(
      `INSERT INTO clinicians (id, user_id, specializations, languages, fee_amount, fee_currency,
                               consultation_duration_minutes, primary_centre_id)
       SELECT x.id, x.user, '["General Physician"]', '["English"]', 50000, 'INR', $2, x.centre
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "user" uuid, centre uuid)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(clinicians), SLOT_MINUTES],
    );
    await c.query(
      `INSERT INTO clinician_centres (clinician_id, centre_id)
       SELECT x.id, x.centre FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, centre uuid)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(clinicians)],
    );
    await c.query(
      `INSERT INTO availability_rules (clinician_id, centre_id, day_of_week, start_minute, end_minute, session_type)
       SELECT x.id, x.centre, d, s.x, s.y, 'IN_PERSON'
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, centre uuid), generate_series(1, 6) d,
              jsonb_to_recordset($2::jsonb) AS s(x int, y int)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(clinicians), JSON.stringify(SESSIONS.map(([x, y]) => ({ x, y })))],
    );
    await c.query(
      `INSERT INTO patients (id, full_name, phone)
       SELECT x.id, 'Socket patient ' || x.n, '+9174' || lpad(x.n::text, 8, '0')
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, n int)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(cast.patients.map((p, n) => ({ id: p.id, n })))],
    );
    await c.query(
      `INSERT INTO auth_sessions (id, principal_type, principal_id, created_at, last_used_at)
       SELECT x.sid, x.type, x.id, now(), now()
         FROM jsonb_to_recordset($1::jsonb) AS x(sid uuid, type text, id uuid)
       ON CONFLICT (id) DO UPDATE SET revoked_at = NULL, revoked_reason = NULL`,
      [
        JSON.stringify(
          cast.people.map((p) => ({
            sid: sessionOf(p.id),
            type: p.kind === 'patient' ? 'patient' : 'staff',
            id: p.id,
          })),
        ),
      ],
    );
  });
}

/** The access-token claims of a person (what TokenIssuer signs for a signed-in user). */
export function claimsOf(cast: Cast, p: Person, jti: string): Record<string, unknown> {
  if (p.kind === 'patient') return { sub: p.id, typ: 'patient', sid: sessionOf(p.id), jti };
  return {
    sub: p.id,
    typ: 'staff',
    role: p.kind === 'desk' ? p.role : 'CLINICIAN',
    cid: [cast.centreIds[p.centre]],
    sid: sessionOf(p.id),
    jti,
  };
}

/** Clinician ids of the cast (for fixtures.resetAppointments). */
export const castClinicianIds = (cast: Cast) => cast.clinicians.map((k) => k.clinicianId);
