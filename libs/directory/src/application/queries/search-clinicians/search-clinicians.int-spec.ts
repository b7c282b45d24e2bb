import { FixedClock, openTestDataSource } from '@carebook/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDirectorySql, buildInlineDirectorySql } from './directory-sql';
import { SearchCliniciansHandler } from './search-clinicians.handler';
import { ClinicianSearch, SearchClinicians } from './search-clinicians.query';

// A made-up city far from any demo data, so parallel suites never show up here.
const CITY = `Directorytown-${randomUUID().slice(0, 8)}`;
const HERE = { lat: -20.5, lng: -30.5 };
const now = new Date('2026-06-01T06:00:00Z');

interface Row {
  name: string;
  offsetKm: number;
  spec: string[];
  lang?: string[];
  fee: number;
  years: number;
  runs: Array<[string, string]>;
  notice?: number;
  listed?: boolean;
  sessionTypes?: string[];
}

describe('SearchClinicians (directory read model)', () => {
  let db: DataSource;
  let handler: SearchCliniciansHandler;
  const ids = new Map<string, string>();
  const search = (s: Partial<ClinicianSearch>) =>
    handler.execute(new SearchClinicians({ city: CITY, page: 1, limit: 20, ...s }));

  const insert = async (r: Row) => {
    const id = randomUUID();
    ids.set(r.name, id);
    const runs = r.runs.map(([a, b]) => `["${a}","${b}"]`).join(',');
    await db.query(
      `INSERT INTO directory_clinicians (clinician_id, full_name, specializations, specialization_keys, languages, language_keys,
         years_of_experience, fee_amount, fee_currency, slot_minutes, min_notice_minutes, primary_centre_id, primary_centre_name,
         centre_ids, city, location, session_types, is_listed, slot_starts, projected_at)
       VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, $6, $7, $8, 'INR', 30, $9, $10, 'Test centre', ARRAY[$10::uuid], $11,
               ST_SetSRID(ST_MakePoint($12, $13), 4326)::geography, $14, $15, $16::tstzmultirange, now())`,
      [
        id, r.name, JSON.stringify(r.spec), r.spec.map((s) => s.toLowerCase()), JSON.stringify(r.lang ?? ['English']),
        (r.lang ?? ['English']).map((l) => l.toLowerCase()), r.years, r.fee, r.notice ?? 120, randomUUID(), CITY,
        HERE.lng + r.offsetKm / 111, HERE.lat, r.sessionTypes ?? ['IN_PERSON'], r.listed ?? true, `{${runs}}`,
      ],
    );
  };

  beforeAll(async () => {
    db = await openTestDataSource();
    handler = new SearchCliniciansHandler(db, new FixedClock(now));
    await insert({ name: 'Asha Derm', offsetKm: 2, spec: ['Dermatology'], fee: 80000, years: 12, runs: [['2026-06-01T09:00Z', '2026-06-01T11:30Z']] });
    await insert({ name: 'Ravi GP', offsetKm: 1, spec: ['General Physician'], lang: ['English', 'Kannada'], fee: 50000, years: 5, runs: [['2026-06-03T04:00Z', '2026-06-03T06:00Z']] });
    await insert({ name: 'Meera Derm', offsetKm: 8, spec: ['Dermatology', 'Cosmetology'], fee: 120000, years: 20, runs: [], sessionTypes: ['ONLINE'] });
    await insert({ name: 'Far Derm', offsetKm: 30, spec: ['Dermatology'], fee: 60000, years: 3, runs: [['2026-06-01T08:00Z', '2026-06-01T08:00Z']] });
    await insert({ name: 'Hidden Derm', offsetKm: 1, spec: ['Dermatology'], fee: 60000, years: 3, runs: [], listed: false });
    await insert({ name: 'Late Derm', offsetKm: 3, spec: ['Dermatology'], fee: 70000, years: 8, runs: [['2026-06-20T08:00Z', '2026-06-20T09:00Z']] });
  });
  afterAll(() => db.destroy());

  it('finds listed clinicians within the radius, nearest first, with distance and next slot (notice applied)', async () => {
    const page = await search({ near: { ...HERE, radiusKm: 10 } });
    expect(page.items.map((c) => c.fullName)).toEqual(['Ravi GP', 'Asha Derm', 'Late Derm', 'Meera Derm']);
    const asha = page.items[1];
    expect(asha.distanceKm).toBeGreaterThan(1.5);
    // now 06:00Z + 2 h notice = 08:00Z; the run starts 09:00Z.
    expect(asha.nextAvailableSlot).toBe('2026-06-01T09:00:00.000Z');
    expect(page.items[2].nextAvailableSlot).toBeNull(); // 20 June is past the 14-day window
    expect(page.total).toBe(4);
    // The route writes json() as it is: the bytes JSON.stringify would write for the page.
    expect(page.json()).toBe(JSON.stringify({ items: page.items, page: 1, limit: 20, total: 4 }));
  });

  it('steps into a run at the slot length when the notice cuts it', async () => {
    const page = await handler.execute(new SearchClinicians({ city: CITY, name: 'Asha', page: 1, limit: 5 }));
    expect(page.items[0].nextAvailableSlot).toBe('2026-06-01T09:00:00.000Z');
    const later = new SearchCliniciansHandler(db, new FixedClock(new Date('2026-06-01T07:10:00Z')));
    const moved = await later.execute(new SearchClinicians({ city: CITY, name: 'Asha', page: 1, limit: 5 }));
    expect(moved.items[0].nextAvailableSlot).toBe('2026-06-01T09:30:00.000Z');
  });

  it('filters by specialization, language, fee, session type and availability window', async () => {
    expect((await search({ specialization: 'dermatology' })).items.map((c) => c.fullName).sort()).toEqual(['Asha Derm', 'Far Derm', 'Late Derm', 'Meera Derm']);
    expect((await search({ language: 'KANNADA' })).items.map((c) => c.fullName)).toEqual(['Ravi GP']);
    expect((await search({ minFee: 60000, maxFee: 80000, sort: 'fee' })).items.map((c) => c.fullName)).toEqual(['Far Derm', 'Late Derm', 'Asha Derm']);
    expect((await search({ sessionType: 'ONLINE' })).items.map((c) => c.fullName)).toEqual(['Meera Derm']);
    const window = await search({ availableFrom: new Date('2026-06-02T00:00Z'), availableTo: new Date('2026-06-04T00:00Z') });
    expect(window.items.map((c) => c.fullName)).toEqual(['Ravi GP']);
  });

  it('sorts by next availability (nulls last) and experience, and pages with a total', async () => {
    const byNext = (await search({})).items.map((c) => c.fullName);
    expect(byNext.slice(0, 3)).toEqual(['Far Derm', 'Asha Derm', 'Ravi GP']);
    expect(byNext.slice(3).sort()).toEqual(['Late Derm', 'Meera Derm']);
    expect((await search({ sort: 'experience' })).items[0].fullName).toBe('Meera Derm');
    const second = await search({ sort: 'experience', page: 2, limit: 2 });
    expect(second).toMatchObject({ page: 2, limit: 2, total: 5 });
    expect(second.items.map((c) => c.fullName)).toEqual(['Late Derm', 'Ravi GP']);
    expect(second.json()).toBe(JSON.stringify({ items: second.items, page: 2, limit: 2, total: 5 }));
    const past = await search({ sort: 'fee', page: 4, limit: 2 });
    expect(past.json()).toBe('{"items":[],"page":4,"limit":2,"total":0}');
  });
});

describe('SearchClinicians with a specialization within a circle (directory_specializations, kept by trigger)', () => {
  let db: DataSource;
  let handler: SearchCliniciansHandler;
  // A specialization of this run only: rows of earlier runs never match.
  const SPEC = `Spec-${randomUUID().slice(0, 8)}`;
  const HERE = { lat: -21.5, lng: -31.5 };
  const ids = new Map<string, string>();
  const names = (items: Array<{ fullName: string }>) => items.map((c) => c.fullName);
  // A second specialization, only for the clinician with awkward text (JSON escaping).
  const SPEC2 = `Spec-${randomUUID().slice(0, 8)}`;
  const search = (s: Partial<ClinicianSearch>) =>
    handler.execute(new SearchClinicians({ near: { ...HERE, radiusKm: 10 }, specialization: SPEC.toUpperCase(), page: 1, limit: 20, ...s }));

  const insert = async (name: string, offsetKm: number, o: { spec?: string[]; fee?: number; years?: number; lang?: string; next?: string } = {}) => {
    const id = randomUUID();
    ids.set(name, id);
    const spec = o.spec ?? [SPEC];
    const runs = o.next ? `{["${o.next}","${o.next}"]}` : '{}';
    await db.query(
      `INSERT INTO directory_clinicians (clinician_id, full_name, specializations, specialization_keys, languages, language_keys,
         years_of_experience, fee_amount, fee_currency, slot_minutes, min_notice_minutes, primary_centre_id, primary_centre_name,
         centre_ids, city, location, session_types, is_listed, slot_starts, projected_at)
       VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, $6, $7, $8, 'INR', 30, 60, $9, 'Test centre', ARRAY[$9::uuid], 'Circletown',
               ST_SetSRID(ST_MakePoint($10, $11), 4326)::geography, '{IN_PERSON}', true, $12::tstzmultirange, now())`,
      [
        id, name, JSON.stringify(spec), spec.map((s) => s.toLowerCase()), JSON.stringify([o.lang ?? 'English']),
        [(o.lang ?? 'English').toLowerCase()], o.years ?? 5, o.fee ?? 50000, randomUUID(), HERE.lng + offsetKm / 111, HERE.lat, runs,
      ],
    );
  };

  beforeAll(async () => {
    db = await openTestDataSource();
    handler = new SearchCliniciansHandler(db, new FixedClock(now));
    await insert('One', 1, { fee: 90000, years: 3, next: '2026-06-02T09:00Z' });
    await insert('Two', 2, { spec: ['Other', SPEC], fee: 40000, years: 20, lang: 'Tamil', next: '2026-06-01T09:00Z' });
    await insert('Three', 3, { fee: 60000, years: 10 });
    await insert('Four', 4, { fee: 70000, years: 1, next: '2026-06-03T09:00Z' });
    await insert('Far', 30);
    await insert('Elsewhere', 2.5, { spec: ['Other'] });
    await insert('Quoted', 1.5, { spec: [SPEC2], next: '2026-06-05T10:00Z' });
    await db.query(`UPDATE directory_clinicians SET full_name = $2, photo_url = $3, qualifications = $4::jsonb WHERE clinician_id = $1`, [
      ids.get('Quoted'),
      'Dr. "Quote" \\ Ünïcode\t<b>',
      'https://photos.example/p.png?a=1&b="2"',
      JSON.stringify(['MBBS', 'MD "Derm"', '']),
    ]);
  });
  afterAll(async () => {
    await db.query(`DELETE FROM directory_clinicians WHERE clinician_id = ANY($1::uuid[])`, [[...ids.values()]]);
    await db.destroy();
  });

  it('answers the nearest matches with distance, next slot and total, page by page', async () => {
    const first = await search({ limit: 3 });
    expect(names(first.items)).toEqual(['One', 'Two', 'Three']);
    expect(first.total).toBe(4);
    expect(first.items[1]).toMatchObject({ specializations: ['Other', SPEC], nextAvailableSlot: '2026-06-01T09:00:00.000Z' });
    expect(first.items[1].distanceKm).toBeCloseTo(2, 0);
    const second = await search({ limit: 3, page: 2 });
    expect(names(second.items)).toEqual(['Four']);
    expect(second.total).toBe(4);
  });

  it('sorts by fee, experience and next availability, and combines with other filters', async () => {
    expect(names((await search({ sort: 'fee' })).items)).toEqual(['Two', 'Three', 'Four', 'One']);
    expect(names((await search({ sort: 'experience' })).items)).toEqual(['Two', 'Three', 'One', 'Four']);
    expect(names((await search({ sort: 'nextAvailable' })).items)).toEqual(['Two', 'One', 'Four', 'Three']);
    expect(names((await search({ language: 'tamil' })).items)).toEqual(['Two']);
    const cheap = await search({ maxFee: 65000, limit: 1 });
    expect(names(cheap.items)).toEqual(['Two']);
    expect(cheap.total).toBe(2);
    expect(names((await search({ near: undefined, sort: 'fee' })).items)).toEqual(['Two', 'Far', 'Three', 'Four', 'One']);
  });

  it('answers through carebook_directory_near() the rows of the inline statement, items as compact JSON', async () => {
    type Row = { clinician_id: string; total: string; item: string };
    const run = async (b: { sql: string; params: unknown[] }): Promise<Row[]> => db.query(b.sql, b.params);
    const near = { ...HERE, radiusKm: 10 };
    const searches: ClinicianSearch[] = [
      { near, specialization: SPEC, page: 1, limit: 20 },
      { near, specialization: ` ${SPEC2} `, page: 1, limit: 20 },
      { near, specialization: SPEC, page: 2, limit: 3 },
      { near: { ...HERE, radiusKm: 50 }, specialization: SPEC.toUpperCase(), page: 1, limit: 2, sort: 'distance' },
      { near, specialization: SPEC, page: 9, limit: 20 },
    ];
    for (const s of searches) {
      const viaFunction = buildDirectorySql(s, now);
      expect(viaFunction.sql).toContain('carebook_directory_near(');
      const rows = await run(viaFunction);
      expect(rows).toEqual(await run(buildInlineDirectorySql(s, now)));
      // Compact: the bytes JSON.stringify writes (no spaces, no trailing zeros in distanceKm).
      for (const { item } of rows) expect(item).toBe(JSON.stringify(JSON.parse(item)));
    }
    expect((await run(buildDirectorySql(searches[4], now))).length).toBe(0);

    const page = await search({ specialization: SPEC2 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toEqual({
      id: ids.get('Quoted'),
      fullName: 'Dr. "Quote" \\ Ünïcode\t<b>',
      specializations: [SPEC2],
      qualifications: ['MBBS', 'MD "Derm"', ''],
      languages: ['English'],
      yearsOfExperience: 5,
      consultationFee: { amount: 50000, currency: 'INR' },
      consultationDurationMinutes: 30,
      photoUrl: 'https://photos.example/p.png?a=1&b="2"',
      primaryCentre: { id: expect.any(String), name: 'Test centre', city: 'Circletown' },
      centreIds: [page.items[0].primaryCentre.id],
      sessionTypes: ['IN_PERSON'],
      nextAvailableSlot: '2026-06-05T10:00:00.000Z',
      distanceKm: expect.any(Number),
    });
    expect(page.json()).toBe(JSON.stringify({ items: page.items, page: 1, limit: 20, total: 1 }));
    expect(JSON.stringify(page)).toBe(page.json());
  });

  it('follows the wide row: a changed specialization, a move, unlisting and deletion', async () => {
    await db.query(`UPDATE directory_clinicians SET specialization_keys = '{other}' WHERE clinician_id = $1`, [ids.get('One')]);
    await db.query(`UPDATE directory_clinicians SET specialization_keys = $2 WHERE clinician_id = $1`, [ids.get('Elsewhere'), [SPEC.toLowerCase()]]);
    await db.query(
      `UPDATE directory_clinicians SET location = ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography WHERE clinician_id = $1`,
      [ids.get('Far'), HERE.lng + 0.5 / 111, HERE.lat],
    );
    await db.query(`UPDATE directory_clinicians SET is_listed = false WHERE clinician_id = $1`, [ids.get('Three')]);
    await db.query(`DELETE FROM directory_clinicians WHERE clinician_id = $1`, [ids.get('Four')]);
    // Only slot runs change (a re-projection): the side rows stay as they are.
    await db.query(`UPDATE directory_clinicians SET slot_starts = '{}', projected_at = now() WHERE clinician_id = $1`, [ids.get('Two')]);
    const page = await search({});
    expect(names(page.items)).toEqual(['Far', 'Two', 'Elsewhere']);
    expect(page.total).toBe(3);
    await db.query(`UPDATE directory_clinicians SET is_listed = true WHERE clinician_id = $1`, [ids.get('Three')]);
    expect(names((await search({})).items)).toEqual(['Far', 'Two', 'Elsewhere', 'Three']);
  });
});
