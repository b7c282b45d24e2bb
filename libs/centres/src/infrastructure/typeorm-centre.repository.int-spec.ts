import { OutboxWriter, UnitOfWork } from '@carebook/core';
import { openTestDataSource } from '@carebook/testing';
import { DataSource } from 'typeorm';
import { FindCentresNearHandler } from '../application/queries/find-centres-near/find-centres-near.handler';
import { FindCentresNear } from '../application/queries/find-centres-near/find-centres-near.query';
import { Centre } from '../domain/centre';
import { GeoPoint } from '../domain/geo-point';
import { TimeZone } from '../domain/time-zone';
import { CentreOrmEntity } from './centre.orm-entity';
import { TypeormCentreRepository } from './typeorm-centre.repository';

const CITY = `Geotest-${Date.now()}`;
const now = new Date();
// Points are mirrored to (-lat, -lng), off the coast of Peru: same distances, far from any demo centre.
const open = (name: string, lat: number, lng: number) =>
  Centre.open(
    { name, city: CITY, address: 'x', phone: '+918041000001', email: null, timeZone: TimeZone.of('Asia/Kolkata'), location: GeoPoint.of(-lat, -lng) },
    now,
  );

describe('TypeormCentreRepository + FindCentresNear (PostGIS)', () => {
  let db: DataSource;
  let repo: TypeormCentreRepository;
  beforeAll(async () => {
    db = await openTestDataSource([CentreOrmEntity]);
    repo = new TypeormCentreRepository(new UnitOfWork(db), new OutboxWriter());
  });
  afterAll(() => db.destroy());

  it('saves the row and its event in one transaction, and reloads the aggregate', async () => {
    const centre = open('Round trip', 12.9716, 77.5946);
    await repo.save(centre);
    const loaded = await repo.findById(centre.id);
    expect(loaded?.snapshot()).toMatchObject({ name: 'Round trip', location: { lat: -12.9716, lng: -77.5946 } });
    const outbox = await db.query(`SELECT type, payload FROM outbox WHERE aggregate_id = $1`, [centre.id]);
    expect(outbox).toEqual([{ type: 'centres.CentreCreated', payload: expect.objectContaining({ city: CITY }) }]);
  });

  it('rolls back the row when the outbox insert fails (and vice versa)', async () => {
    const centre = open('Atomic', 12.9, 77.5);
    const uow = new UnitOfWork(db);
    const failing = new TypeormCentreRepository(uow, { append: async () => Promise.reject(new Error('boom')) } as unknown as OutboxWriter);
    await expect(failing.save(centre)).rejects.toThrow('boom');
    expect(await repo.findById(centre.id)).toBeUndefined();
  });

  it('finds centres within the radius, nearest first, with distance from PostGIS', async () => {
    const here = { lat: -12.9716, lng: -77.5946 };
    for (const c of [open('Far', 12.9698, 77.75), open('Near', 12.9784, 77.6408), open('Nearest', 12.975, 77.6)]) await repo.save(c);
    const handler = new FindCentresNearHandler(db);
    const page = await handler.execute(new FindCentresNear({ ...here, radiusKm: 10, city: CITY, page: 1, limit: 20 }));
    expect(page.items.map((c) => c.name)).toEqual(['Round trip', 'Nearest', 'Near']);
    expect(page.items[2].distanceKm).toBeCloseTo(5.07, 1);
    expect(page.total).toBe(3);
    const wide = await handler.execute(new FindCentresNear({ ...here, radiusKm: 20, city: CITY, page: 2, limit: 2 }));
    expect(wide.items.map((c) => c.name)).toEqual(['Near', 'Far']);
    expect(wide.total).toBe(4);
  });
});
