import { AuditLog, OutboxWriter, Role, UnitOfWork } from '@carebook/core';
import { openTestDataSource } from '@carebook/testing';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Patient } from '../../../domain/patient';
import { PatientOrmEntity } from '../../../infrastructure/patient.orm-entity';
import { TypeormPatientRepository } from '../../../infrastructure/typeorm-patient.repository';
import { aStaffActor } from '../../../testing/patient-fakes';
import { SearchPatients } from './search-patients.query';
import { SearchPatientsHandler } from './search-patients.handler';
import { parsePatientSearch, searchSql } from './patient-search';

/** Letters only, unique to this run: the database is shared with parallel suites. */
const token = () =>
  Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join('');

describe('SearchPatients (PostgreSQL, pg_trgm)', () => {
  let db: DataSource;
  let handler: SearchPatientsHandler;
  let repo: TypeormPatientRepository;
  const actor = aStaffActor(Role.FRONT_DESK, randomUUID());
  const family = `Zz${token()}`;
  // A phone prefix no other suite uses: +9197 and six random digits, then two more per patient.
  const phonePrefix = `+9197${String(randomInt(1e6)).padStart(6, '0')}`;
  const names = [`Asha ${family}`, `${family} Rao`, `Priya ${family}wala`, `Ravi Menon ${token()}`];

  beforeAll(async () => {
    db = await openTestDataSource([PatientOrmEntity]);
    const uow = new UnitOfWork(db);
    repo = new TypeormPatientRepository(uow, new OutboxWriter());
    handler = new SearchPatientsHandler(uow, new AuditLog(uow, db));
    for (const [i, fullName] of names.entries()) {
      const patient = Patient.registerByStaff(
        {
          fullName,
          phone: `${phonePrefix}${i}0`,
          email: null,
          dateOfBirth: '1980-01-0' + (i + 1),
          gender: null,
          bloodGroup: null,
          emergencyContacts: [],
        },
        new Date(),
      );
      await repo.addIfPhoneFree(patient);
    }
  });
  afterAll(() => db.destroy());

  const search = (term: string, page = 1, limit = 20) =>
    handler.execute(new SearchPatients(actor, { search: term, page, limit }));

  it('finds a name by any substring, case-insensitively, names starting with the term first', async () => {
    const hits = await search(family.slice(1).toUpperCase());
    expect(hits.total).toBe(3);
    expect(hits.items.map((p) => p.fullName)).toEqual([
      `${family} Rao`,
      expect.any(String),
      expect.any(String),
    ]);
    expect(
      hits.items
        .map((p) => p.fullName)
        .slice(1)
        .sort(),
    ).toEqual([`Asha ${family}`, `Priya ${family}wala`].sort());
    expect(hits.items[0]).toEqual({
      id: expect.any(String),
      fullName: `${family} Rao`,
      phone: `${phonePrefix}10`,
      dateOfBirth: '1980-01-02',
      gender: null,
      createdAt: expect.any(String),
    });
    expect(Object.keys(hits.items[0])).not.toContain('emergencyContacts');
  });

  it('needs every word, in any order, and treats LIKE wildcards literally', async () => {
    expect((await search(`rao ${family}`)).items.map((p) => p.fullName)).toEqual([`${family} Rao`]);
    expect((await search(`${family} nobody`)).total).toBe(0);
    expect((await search(`${family.slice(0, 4)}%${family.slice(5)}`)).total).toBe(0);
  });

  it('finds phones by E.164 or national prefix, and pages with the true total', async () => {
    const national = phonePrefix.slice(3); // 97xxxxxx
    expect((await search(phonePrefix)).total).toBe(4);
    expect((await search(`0${national}`)).total).toBe(4);
    expect((await search(`${national}2`)).items.map((p) => p.fullName)).toEqual([
      `Priya ${family}wala`,
    ]);
    const page2 = await search(phonePrefix, 2, 3);
    expect(page2).toMatchObject({ page: 2, limit: 3, total: 4 });
    expect(page2.items.map((p) => p.phone)).toEqual([`${phonePrefix}30`]);
    expect(await search(phonePrefix, 3, 3)).toMatchObject({ items: [], total: 4 });
  });

  it('records one patient.search audit event with the count and without the term', async () => {
    const requestId = `search-int-${randomUUID()}`;
    const uow = new UnitOfWork(db);
    const audit = new AuditLog(uow, db);
    const withRequest = new SearchPatientsHandler(uow, {
      record: (entry) => audit.record({ ...entry, requestId }),
    } as AuditLog);
    await withRequest.execute(new SearchPatients(actor, { search: family, page: 1, limit: 2 }));
    const rows = await db.query(
      `SELECT action, actor_id, patient_id, metadata FROM audit_events WHERE request_id = $1`,
      [requestId],
    );
    expect(rows).toEqual([
      {
        action: 'patient.search',
        actor_id: actor.id,
        patient_id: null,
        metadata: { kind: 'name', resultCount: 2, total: 3 },
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(family);
  });

  it("serves the handler's name and phone conditions from the trigram and prefix indexes", async () => {
    // On a private copy of the table with the same indexes and enough rows for the planner to
    // care, so the plan does not depend on what parallel suites left in the shared table.
    const plans = await db.transaction(async (manager) => {
      await manager.query(
        `CREATE TEMP TABLE patients_plan (LIKE patients INCLUDING ALL) ON COMMIT DROP`,
      );
      const [gin] = await manager.query(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'patients_plan' AND indexdef LIKE '%gin_trgm_ops%'`,
      );
      // Without the pending list, fresh rows are in the index proper (as after autovacuum).
      await manager.query(`ALTER INDEX pg_temp."${gin.indexname}" SET (fastupdate = off)`);
      await manager.query(
        `INSERT INTO patients_plan (id, full_name, phone)
         SELECT gen_random_uuid(), 'Name ' || md5(g::text), '+9196' || lpad(g::text, 8, '0') FROM generate_series(1, 3000) g`,
      );
      await manager.query(`ANALYZE patients_plan`);
      await manager.query(`SET LOCAL enable_seqscan = off`);
      const plan = async (term: string) => {
        const { where, whereParams } = searchSql(parsePatientSearch(term), 1);
        const rows = await manager.query(
          `EXPLAIN SELECT p.id FROM patients_plan p WHERE ${where}`,
          whereParams,
        );
        return rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      };
      return { name: await plan(`${family} rao`), phone: await plan('098123') };
    });
    expect(plans.name).toMatch(/Bitmap Index Scan on "?patients_plan_full_name_idx/);
    expect(plans.name).toContain('Index Cond: ((full_name ~~* ');
    expect(plans.phone).toMatch(/Index Cond: \(\(phone ~>=~ '\+9198123'::text\)/);
  });
});
