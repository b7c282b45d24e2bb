import { dataSourceOptions } from '@carebook/core';
import { seedBookingParties } from '@carebook/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** migrations/1764000001700-schedule-version.ts: what bumps a clinician's schedule version. */
describe('clinician schedule versions (PostgreSQL triggers)', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await new DataSource(
      dataSourceOptions({ url: process.env.DATABASE_URL!, poolSize: 2 }, 'carebook-test-versions'),
    ).initialize();
  });
  afterAll(() => db.destroy());

  const versionOf = async (clinicianId: string): Promise<number> =>
    Number((await db.query(`SELECT clinician_schedule_version($1) AS v`, [clinicianId]))[0].v);

  it('counts every change of what clinician_schedules_json answers, and only those', async () => {
    const p = await seedBookingParties(db);
    const other = await seedBookingParties(db);
    const id = p.clinicianId;
    const steps: Array<[string, string, unknown[], boolean]> = [
      [
        'a rule added',
        `INSERT INTO availability_rules (clinician_id, centre_id, day_of_week, start_minute, end_minute, session_type) VALUES ($1, $2, 1, 540, 720, 'IN_PERSON')`,
        [id, p.centreId],
        true,
      ],
      [
        'a rule changed',
        `UPDATE availability_rules SET end_minute = 780 WHERE clinician_id = $1`,
        [id],
        true,
      ],
      [
        'time off added',
        `INSERT INTO clinician_time_off (clinician_id, during, reason) VALUES ($1, tstzrange(now(), now() + interval '1 day'), 'leave')`,
        [id],
        true,
      ],
      ['time off removed', `DELETE FROM clinician_time_off WHERE clinician_id = $1`, [id], true],
      [
        'a setting changed',
        `UPDATE clinicians SET buffer_after_minutes = 5 WHERE id = $1`,
        [id],
        true,
      ],
      ['deactivated', `UPDATE clinicians SET is_active = false WHERE id = $1`, [id], true],
      [
        'an update that changes nothing',
        `UPDATE clinicians SET is_active = is_active WHERE id = $1`,
        [id],
        false,
      ],
      [
        "the centre's zone changed",
        `UPDATE centres SET time_zone = 'Europe/London' WHERE id = $1`,
        [p.centreId],
        true,
      ],
      [
        'the centre closed',
        `UPDATE centres SET is_active = false WHERE id = $1`,
        [p.centreId],
        true,
      ],
      [
        "the centre's name changed (not in the schedule)",
        `UPDATE centres SET name = $2 WHERE id = $1`,
        [p.centreId, `Renamed ${randomUUID()}`],
        false,
      ],
      [
        "another clinician's rule",
        `INSERT INTO availability_rules (clinician_id, centre_id, day_of_week, start_minute, end_minute, session_type) VALUES ($1, $2, 1, 540, 720, 'IN_PERSON')`,
        [other.clinicianId, other.centreId],
        false,
      ],
      ['a rule removed', `DELETE FROM availability_rules WHERE clinician_id = $1`, [id], true],
      [
        'a centre joined',
        `INSERT INTO clinician_centres (clinician_id, centre_id) VALUES ($1, $2)`,
        [id, other.centreId],
        true,
      ],
      [
        'a centre left',
        `DELETE FROM clinician_centres WHERE clinician_id = $1 AND centre_id = $2`,
        [id, other.centreId],
        true,
      ],
    ];
    let version = await versionOf(id);
    for (const [what, sql, params, bumps] of steps) {
      await db.query(sql, params);
      const now = await versionOf(id);
      expect({ what, bumped: now > version }).toEqual({ what, bumped: bumps });
      version = now;
    }
    const [{ schedule }] = await db.query(
      `SELECT s AS schedule FROM clinician_schedules_json(ARRAY[$1::uuid], now()) s`,
      [id],
    );
    expect(schedule.schedule_version).toBe(version);
  });

  it('lets a clinician with rules and time off be deleted (the cascade versions nothing)', async () => {
    const p = await seedBookingParties(db);
    await db.query(
      `INSERT INTO availability_rules (clinician_id, centre_id, day_of_week, start_minute, end_minute, session_type) VALUES ($1, $2, 2, 540, 720, 'IN_PERSON')`,
      [p.clinicianId, p.centreId],
    );
    await db.query(`DELETE FROM clinicians WHERE id = $1`, [p.clinicianId]);
    expect(await versionOf(p.clinicianId)).toBe(0);
  });
});
