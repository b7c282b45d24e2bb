import { Actor, OutboxWriter, Role, UnitOfWork } from '@carebook/core';
import { openTestDataSource, uniquePhone, uniqueUsername } from '@carebook/testing';
import { DataSource } from 'typeorm';
import { StaffUser } from '../../../domain/staff-user';
import type { StaffUserProfile } from '../../../domain/staff-user-profile';
import { StaffUserCentreOrmEntity } from '../../../infrastructure/staff-user-centre.orm-entity';
import { StaffUserOrmEntity } from '../../../infrastructure/staff-user.orm-entity';
import { TypeormStaffUserRepository } from '../../../infrastructure/typeorm-staff-user.repository';
import { ListStaffUsersHandler } from './list-staff-users.handler';
import { ListStaffUsers, StaffUserFilter } from './list-staff-users.query';

describe('ListStaffUsers (PostgreSQL)', () => {
  let db: DataSource;
  let repo: TypeormStaffUserRepository;
  let handler: ListStaffUsersHandler;
  let x: string;
  let y: string;
  const tag = uniqueUsername('list');
  const users: Record<string, StaffUser> = {};
  const admin: Actor = { kind: 'staff', id: 'admin', role: Role.ADMIN, centreIds: [] };

  const add = async (key: string, profile: Partial<StaffUserProfile>) => {
    const user = StaffUser.register(
      {
        fullName: `${key} ${tag}`,
        phone: uniquePhone(),
        email: null,
        username: `${tag}.${key}`,
        role: Role.FRONT_DESK,
        centreIds: [x],
        ...profile,
      },
      null,
      new Date(),
    );
    await repo.save(user);
    users[key] = user;
  };
  const list = async (actor: Actor, filter: Partial<StaffUserFilter> = {}) => {
    const page = await handler.execute(
      new ListStaffUsers(actor, { search: tag, page: 1, limit: 20, ...filter }),
    );
    return { ...page, keys: page.items.map((u) => u.fullName.split(' ')[0]) };
  };

  beforeAll(async () => {
    db = await openTestDataSource([StaffUserOrmEntity, StaffUserCentreOrmEntity]);
    repo = new TypeormStaffUserRepository(new UnitOfWork(db), new OutboxWriter());
    handler = new ListStaffUsersHandler(db);
    const rows: Array<{ id: string }> = await db.query(
      `INSERT INTO centres (name, city, address, phone, location)
       SELECT 'Staff list test ' || n, 'Testpur', '1 Test Road', '+918041000001',
              ST_SetSRID(ST_MakePoint(-41.5, -34.5), 4326)::geography
         FROM generate_series(1, 2) AS n
       RETURNING id`,
    );
    [x, y] = rows.map((r) => r.id);
    await add('alpha', {});
    await add('bravo', { centreIds: [x, y], role: Role.CAREGIVER });
    await add('charlie', { centreIds: [y] });
    await add('delta', { centreIds: [], role: Role.MANAGER });
    await add('echo', { centreIds: [x], role: Role.CENTRE_MANAGER });
    await db.query(`UPDATE staff_users SET is_active = false WHERE id = $1`, [users.alpha.id]);
  });
  afterAll(() => db.destroy());

  it('shows a centre manager only the users sharing one of their centres, by name', async () => {
    const cmX: Actor = { kind: 'staff', id: 'cm', role: Role.CENTRE_MANAGER, centreIds: [x] };
    expect((await list(cmX)).keys).toEqual(['alpha', 'bravo', 'echo']);
    const cmY: Actor = { ...cmX, centreIds: [y.toUpperCase()] };
    expect((await list(cmY)).keys).toEqual(['bravo', 'charlie']);
    expect((await list(cmY, { centreId: x })).keys).toEqual(['bravo']);
    expect((await list(admin)).keys).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
  });

  it('filters by role, centre and status, and answers each user with their centres', async () => {
    expect((await list(admin, { role: Role.CAREGIVER })).items).toEqual([
      expect.objectContaining({ id: users.bravo.id, centreIds: [x, y].sort(), isActive: true }),
    ]);
    expect((await list(admin, { centreId: y })).keys).toEqual(['bravo', 'charlie']);
    expect((await list(admin, { isActive: false })).keys).toEqual(['alpha']);
    expect((await list(admin, { isActive: true })).keys).not.toContain('alpha');
  });

  it('searches a part of the name, the start of the username, digits of the phone', async () => {
    const phone = users.charlie.snapshot().phone as string;
    expect((await list(admin, { search: `CHARLIE ${tag}` })).keys).toEqual(['charlie']);
    expect((await list(admin, { search: `${tag}.DEL` })).keys).toEqual(['delta']);
    expect((await list(admin, { search: phone.slice(3) })).keys).toEqual(['charlie']);
    expect(
      (await list(admin, { search: `+91 ${phone.slice(3, 8)}-${phone.slice(8)}` })).keys,
    ).toEqual(['charlie']);
    // Text with digits in it is not a phone number.
    expect((await list(admin, { search: `x${phone.slice(3)}` })).total).toBe(0);
    expect((await list(admin, { search: `${tag.slice(0, 4)}%` })).total).toBe(0);
  });

  it('pages with a total, also past the last page', async () => {
    const second = await list(admin, { page: 2, limit: 2 });
    expect(second).toMatchObject({ page: 2, limit: 2, total: 5, keys: ['charlie', 'delta'] });
    expect(await list(admin, { page: 9, limit: 2 })).toMatchObject({ items: [], total: 5 });
  });

  it('never lists deleted users', async () => {
    const user = (await repo.findById(users.echo.id)) as StaffUser;
    user.remove(new Date());
    await repo.save(user);
    expect((await list(admin)).keys).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
  });
});
