import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DEMO_CENTRES } from './demo-centres';
import { demoContextOf, demoData } from './demo-context';
import { DemoKind, demoIdRange } from './demo-ids';
import { seedAppointments } from './seed-appointments';
import { seedClinicians } from './seed-clinicians';
import { seedDemoData } from './seed-demo-data';
import { projectDemoDirectory } from './seed-directory';
import { DEMO_PASSWORD, seedPatients, seedStaffUsers } from './seed-people';

/** What a newcomer signs in with (printed by the seed, documented in the README). */
export const DEMO_LOGINS = {
  password: DEMO_PASSWORD,
  frontDesk: demoData().deskUsers.map((u) => u.username),
  clinician: demoData().clinicians[0].user.username,
  patient: { phone: demoData().patients[0].phone, fullName: demoData().patients[0].fullName },
};

const PEOPLE_TABLES = ['centres', 'staff_users', 'staff_user_centres', 'clinicians', 'clinician_centres', 'availability_rules', 'clinician_time_off', 'patients'];

export interface DemoCounts {
  centres: number;
  deskUsers: number;
  clinicianUsers: number;
  clinicians: number;
  rules: number;
  timeOff: number;
  patients: number;
  pastAppointments: number;
  upcomingAppointments: number;
  directoryRows: number;
}

export interface DemoSeedReport {
  /** True when the marker (any demo appointment) said the data was there: nothing was inserted. */
  skipped: boolean;
  added: { centres: number; staffUsers: number; clinicians: number; patients: number; appointments: number };
  projected: number;
  counts: DemoCounts;
  /** One line per entity kind, for the console. */
  lines: string[];
}

/**
 * Loads the demo data set where missing and brings the demo clinicians' directory rows up to
 * date. Idempotent and fast when already loaded: demo appointments are written last, so any one
 * of them means everything before was committed, and only the directory is looked at.
 * `ignoreMarker` re-runs every insert anyway (which then adds nothing).
 */
export async function seedDemo(app: INestApplicationContext, options: { ignoreMarker?: boolean } = {}): Promise<DemoSeedReport> {
  const ctx = demoContextOf(app);
  const data = demoData();
  const now = ctx.clock.now();
  const skipped = !options.ignoreMarker && (await alreadySeeded(ctx.db));
  const added = { centres: 0, staffUsers: 0, clinicians: 0, patients: 0, appointments: 0 };
  if (!skipped) {
    added.centres = (await seedDemoData(ctx.db)).centresAdded;
    added.staffUsers = await seedStaffUsers(ctx.db, [...data.deskUsers, ...data.clinicians.map((c) => c.user)]);
    added.clinicians = await seedClinicians(ctx.db, data.clinicians, now);
    added.patients = await seedPatients(ctx.db, data.patients, now);
    if (Object.values(added).some(Boolean)) await analyze(ctx.db, PEOPLE_TABLES);
    added.appointments = await seedAppointments(ctx, data);
    if (added.appointments) await analyze(ctx.db, ['appointments']);
  }
  const projected = await projectDemoDirectory(ctx, data.clinicians);
  if (projected) await analyze(ctx.db, ['directory_clinicians']);
  const counts = await countDemoRows(ctx.db, now);
  return { skipped, added, projected, counts, lines: summary(counts, added, projected, skipped) };
}

/**
 * Fresh planner statistics after a bulk load, so the contexts' queries the seed runs next (and
 * the API's) are planned for the rows that are there (autovacuum may be slow, or off).
 */
async function analyze(db: DataSource, tables: string[]): Promise<void> {
  await db.query(`ANALYZE ${tables.join(', ')}`);
}

async function alreadySeeded(db: DataSource): Promise<boolean> {
  const [{ seeded }] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM appointments WHERE id BETWEEN $1 AND $2) AS seeded`,
    demoIdRange(DemoKind.appointment),
  );
  return seeded;
}

/** Rows of the demo data set (fixed id ranges only: other rows in the database do not count). */
export async function countDemoRows(db: DataSource, now: Date): Promise<DemoCounts> {
  const r = (kind: DemoKind) => demoIdRange(kind);
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM centres WHERE id = ANY($1::uuid[]))::int AS "centres",
            (SELECT count(*) FROM staff_users WHERE id BETWEEN $2 AND $3)::int AS "deskUsers",
            (SELECT count(*) FROM staff_users WHERE id BETWEEN $4 AND $5)::int AS "clinicianUsers",
            (SELECT count(*) FROM clinicians WHERE id BETWEEN $6 AND $7)::int AS "clinicians",
            (SELECT count(*) FROM availability_rules WHERE id BETWEEN $8 AND $9)::int AS "rules",
            (SELECT count(*) FROM clinician_time_off WHERE id BETWEEN $10 AND $11)::int AS "timeOff",
            (SELECT count(*) FROM patients WHERE id BETWEEN $12 AND $13)::int AS "patients",
            (SELECT count(*) FROM appointments WHERE id BETWEEN $14 AND $15 AND starts_at < $18)::int AS "pastAppointments",
            (SELECT count(*) FROM appointments WHERE id BETWEEN $14 AND $15 AND starts_at >= $18)::int AS "upcomingAppointments",
            (SELECT count(*) FROM directory_clinicians WHERE clinician_id BETWEEN $16 AND $17)::int AS "directoryRows"`,
    [
      DEMO_CENTRES.map((c) => c.id),
      ...r(DemoKind.deskUser),
      ...r(DemoKind.clinicianUser),
      ...r(DemoKind.clinician),
      ...r(DemoKind.rule),
      ...r(DemoKind.timeOff),
      ...r(DemoKind.patient),
      ...r(DemoKind.appointment),
      ...r(DemoKind.clinician),
      now,
    ],
  );
  return row as DemoCounts;
}

function summary(c: DemoCounts, added: DemoSeedReport['added'], projected: number, skipped: boolean): string[] {
  const n = (value: number) => value.toLocaleString('en-IN');
  const extra = (value: number) => (skipped ? 'already there' : `${n(value)} added`);
  return [
    `centres: ${n(c.centres)} (${extra(added.centres)})`,
    `staff users: ${n(c.deskUsers)} front desk + ${n(c.clinicianUsers)} clinicians (${extra(added.staffUsers)})`,
    `clinicians: ${n(c.clinicians)} with ${n(c.rules)} weekly rules, ${n(c.timeOff)} on leave soon (${extra(added.clinicians)})`,
    `patients: ${n(c.patients)} (${extra(added.patients)})`,
    `appointments: ${n(c.pastAppointments)} past + ${n(c.upcomingAppointments)} upcoming (${extra(added.appointments)})`,
    `directory: ${n(c.directoryRows)} clinicians listed (${n(projected)} projected now)`,
  ];
}
