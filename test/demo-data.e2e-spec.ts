import { startTestApi, TestApi } from '@carebook/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { CLINICIANS_PER_CENTRE } from '../apps/api/src/demo/demo-clinicians';
import { demoData } from '../apps/api/src/demo/demo-context';
import { DemoKind, demoIdRange } from '../apps/api/src/demo/demo-ids';
import { countDemoRows, DEMO_LOGINS, seedDemo } from '../apps/api/src/demo/seed-demo';

/**
 * The demo data set `npm start` loads, loaded into the test database through the API's own
 * buses. Other suites share that database: every assertion is about the demo's fixed-id rows.
 */
describe('Demo data set', () => {
  let api: TestApi;
  let db: DataSource;
  const appointments = demoIdRange(DemoKind.appointment);

  beforeAll(async () => {
    api = await startTestApi(AppModule);
    db = api.app.get(DataSource);
    await seedDemo(api.app);
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('loads clinicians with schedules, patients and appointments, and loading again changes nothing', async () => {
    const at = new Date();
    const before = await countDemoRows(db, at);
    expect(before).toMatchObject({ centres: 15, deskUsers: 15, clinicianUsers: 300, clinicians: 300, patients: 200, directoryRows: 300 });
    expect(before.rules).toBeGreaterThanOrEqual(600);
    expect(before.pastAppointments + before.upcomingAppointments).toBeGreaterThan(3000);
    const [{ without }] = await db.query(
      `SELECT count(*)::int AS without FROM clinicians c
        WHERE c.id BETWEEN $1 AND $2 AND NOT EXISTS (SELECT 1 FROM availability_rules r WHERE r.clinician_id = c.id)`,
      demoIdRange(DemoKind.clinician),
    );
    expect(without).toBe(0);

    // Every insert again, past the marker: nothing new, nothing re-projected.
    const again = await seedDemo(api.app, { ignoreMarker: true });
    expect(again.added).toEqual({ centres: 0, staffUsers: 0, clinicians: 0, patients: 0, appointments: 0 });
    expect(await countDemoRows(db, at)).toEqual(before);

    // The usual restart: one marker row, then only directory rows older than an hour (none,
    // unless the hour ran out during this test) are projected again.
    const started = Date.now();
    const restart = await seedDemo(api.app);
    expect(restart.skipped).toBe(true);
    expect(Date.now() - started).toBeLessThan(restart.projected ? 30_000 : 2000);
    expect(await countDemoRows(db, at)).toEqual(before);
  }, 60_000);

  it('never overlaps two appointments of a clinician or of a patient, and books only slots of the schedule', async () => {
    // Each appointment against the latest end among the earlier ones of its clinician / patient.
    const [{ clinicianOverlaps, patientOverlaps }] = await db.query(
      `SELECT count(*) FILTER (WHERE lower(blocked) < clinician_busy_until)::int AS "clinicianOverlaps",
              count(*) FILTER (WHERE starts_at < patient_busy_until)::int AS "patientOverlaps"
         FROM (SELECT blocked, starts_at,
                      max(upper(blocked)) OVER (PARTITION BY clinician_id ORDER BY lower(blocked), id
                                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS clinician_busy_until,
                      max(ends_at) OVER (PARTITION BY patient_id ORDER BY starts_at, id
                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS patient_busy_until
                 FROM appointments WHERE id BETWEEN $1 AND $2) x`,
      appointments,
    );
    // On schedule: the right length, starting a whole number of consultations into a rule of
    // that weekday (local time) at that centre and session type, and ending inside it.
    const [{ offSchedule }] = await db.query(
      `WITH a AS MATERIALIZED (
         SELECT a.id, a.clinician_id, a.centre_id, a.session_type, c.consultation_duration_minutes AS len,
                extract(dow FROM l.t)::int AS dow, (extract(hour FROM l.t) * 60 + extract(minute FROM l.t))::int AS minute
           FROM appointments a
           JOIN clinicians c ON c.id = a.clinician_id
          CROSS JOIN LATERAL (SELECT a.starts_at AT TIME ZONE 'Asia/Kolkata' AS t) l
          WHERE a.id BETWEEN $1 AND $2 AND a.ends_at - a.starts_at = make_interval(mins => c.consultation_duration_minutes))
       SELECT ((SELECT count(*) FROM appointments WHERE id BETWEEN $1 AND $2)
               - (SELECT count(DISTINCT a.id) FROM a
                    JOIN availability_rules r ON r.clinician_id = a.clinician_id AND r.day_of_week = a.dow
                                             AND r.centre_id = a.centre_id AND r.session_type = a.session_type
                   WHERE a.minute - r.start_minute BETWEEN 0 AND r.end_minute - r.start_minute - a.len
                     AND (a.minute - r.start_minute) % a.len = 0))::int AS "offSchedule"`,
      appointments,
    );
    expect({ clinicianOverlaps, patientOverlaps, offSchedule }).toEqual({ clinicianOverlaps: 0, patientOverlaps: 0, offSchedule: 0 });

    const statuses: Array<{ status: string }> = await db.query(
      `SELECT DISTINCT status FROM appointments WHERE id BETWEEN $1 AND $2 ORDER BY status`,
      appointments,
    );
    expect(statuses.map((s) => s.status)).toEqual(['CANCELLED', 'COMPLETED', 'CONFIRMED', 'NO_SHOW']);
  });

  it('lists the demo clinicians near central Bengaluru with their next free slot', async () => {
    const res = await api.http
      .get('/api/v1/clinicians')
      .query({ lat: 12.9716, lng: 77.5946, radiusKm: 10, limit: 100 })
      .expect(200);
    const ids = new Set(demoData().clinicians.map((c) => c.id));
    const demo = res.body.items.filter((c: { id: string }) => ids.has(c.id));
    // Indiranagar, Jayanagar and Koramangala; Whitefield (~17 km) is outside.
    expect(demo).toHaveLength(3 * CLINICIANS_PER_CENTRE);
    for (const c of demo) {
      expect(c.primaryCentre.city).toBe('Bengaluru');
      expect(c.distanceKm).toBeLessThanOrEqual(10);
      expect(Date.parse(c.nextAvailableSlot)).toBeGreaterThan(Date.now());
      expect(c.languages).toContain('English');
    }
    expect(demo.filter((c: { languages: string[] }) => c.languages.includes('Kannada')).length).toBeGreaterThan(45);

    // The directory's next slot is the first free slot the booking context offers that day.
    const [first] = demo;
    const day = new Date(Date.parse(first.nextAvailableSlot) + 5.5 * 3600_000).toISOString().slice(0, 10);
    const slots = await api.http.get(`/api/v1/clinicians/${first.id}/slots`).query({ from: day, to: day }).expect(200);
    expect(slots.body.items[0].startsAt).toBe(first.nextAvailableSlot);
  });
  it('lets a newcomer sign in with the printed demo credentials', async () => {
    const signIn = async (username: string) =>
      (await api.http.post('/api/v1/auth/login/username-password').send({ username, password: DEMO_LOGINS.password }).expect(200)).body
        .accessToken as string;
    const desk = await signIn(DEMO_LOGINS.frontDesk[0]);
    const board = await api.http.get('/api/v1/appointments').set('Authorization', `Bearer ${desk}`).query({ limit: 5 }).expect(200);
    expect(board.body.total).toBeGreaterThan(100);
    const doctor = await signIn(DEMO_LOGINS.clinician);
    const mine = await api.http.get('/api/v1/appointments/my-appointments').set('Authorization', `Bearer ${doctor}`).expect(200);
    expect(mine.body.total).toBeGreaterThan(0);

    // The demo patient (who signs in by one-time code) has a history and something coming up.
    const [patient] = await db.query(
      `SELECT count(*) FILTER (WHERE a.status <> 'CONFIRMED')::int AS past, count(*) FILTER (WHERE a.status = 'CONFIRMED')::int AS booked
         FROM patients p JOIN appointments a ON a.patient_id = p.id
        WHERE p.phone = $1 AND p.deleted_at IS NULL AND a.id BETWEEN $2 AND $3`,
      [DEMO_LOGINS.patient.phone, ...appointments],
    );
    expect(patient.past).toBeGreaterThan(0);
    expect(patient.booked).toBeGreaterThan(0);
  });
});
