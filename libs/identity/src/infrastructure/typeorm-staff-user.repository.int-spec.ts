import {
  NotFoundError,
  OutboxWriter,
  Role,
  UnitOfWork,
  ValidationFailedError,
} from '@carebook/core';
import { openTestDataSource, uniquePhone } from '@carebook/testing';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GetStaffUserHandler } from '../application/queries/get-staff-user/get-staff-user.handler';
import { GetStaffUser } from '../application/queries/get-staff-user/get-staff-user.query';
import { StaffUser } from '../domain/staff-user';
import type { StaffUserProfile } from '../domain/staff-user-profile';
import { PhoneTakenError, UsernameTakenError } from '../domain/staff-user.errors';
import { StaffUserCentreOrmEntity } from './staff-user-centre.orm-entity';
import { StaffUserOrmEntity } from './staff-user.orm-entity';
import { TypeormStaffUserRepository } from './typeorm-staff-user.repository';

const now = new Date();
const uniqueUsername = () => `user.${Date.now()}.${randomInt(1e9)}`;

describe('TypeormStaffUserRepository + GetStaffUser (PostgreSQL)', () => {
  let db: DataSource;
  let uow: UnitOfWork;
  let repo: TypeormStaffUserRepository;
  let centreIds: string[];
  const register = (overrides: Partial<StaffUserProfile> = {}) =>
    StaffUser.register(
      {
        fullName: 'Asha Rao',
        phone: uniquePhone(),
        email: 'asha@carebook.example',
        username: uniqueUsername(),
        role: Role.FRONT_DESK,
        centreIds,
        ...overrides,
      },
      'argon2-hash',
      now,
    );
  const countRows = async (id: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM staff_users WHERE id = $1`, [id]))[0].n);

  beforeAll(async () => {
    db = await openTestDataSource([StaffUserOrmEntity, StaffUserCentreOrmEntity]);
    uow = new UnitOfWork(db);
    repo = new TypeormStaffUserRepository(uow, new OutboxWriter());
    const rows: Array<{ id: string }> = await db.query(
      `INSERT INTO centres (name, city, address, phone, location)
       SELECT 'Identity test ' || n, 'Testpur', '1 Test Road', '+918041000001',
              ST_SetSRID(ST_MakePoint(-40.5, -33.5), 4326)::geography
         FROM generate_series(1, 2) AS n
       RETURNING id`,
    );
    centreIds = rows.map((r) => r.id).sort();
  });
  afterAll(() => db.destroy());

  it('saves the user, its centres and StaffUserCreated together, and reloads the aggregate', async () => {
    const user = register();
    await repo.save(user);
    expect((await repo.findById(user.id))?.snapshot()).toEqual(user.snapshot());
    const outbox = await db.query(`SELECT type, payload FROM outbox WHERE aggregate_id = $1`, [
      user.id,
    ]);
    expect(outbox).toEqual([
      {
        type: 'identity.StaffUserCreated',
        payload: expect.objectContaining({ role: 'FRONT_DESK', centreIds }),
      },
    ]);
  });

  it('finds by username whatever the case, and never finds deleted users', async () => {
    const user = register();
    await repo.save(user);
    const username = user.snapshot().username as string;
    expect((await repo.findByUsername(username.toUpperCase()))?.id).toBe(user.id);
    await db.query(`UPDATE staff_users SET deleted_at = now(), is_active = false WHERE id = $1`, [
      user.id,
    ]);
    expect(await repo.findByUsername(username)).toBeUndefined();
    expect(await repo.findById(user.id)).toBeUndefined();
    // The deleted user's username and phone are free for someone new.
    await repo.save(register({ username, phone: user.snapshot().phone }));
  });

  it('translates taken usernames and phones and unknown centres, leaving nothing behind', async () => {
    const first = register();
    await repo.save(first);
    const { username, phone } = first.snapshot();
    const sameName = register({ username: username?.toUpperCase() });
    await expect(repo.save(sameName)).rejects.toBeInstanceOf(UsernameTakenError);
    await expect(repo.save(register({ phone }))).rejects.toBeInstanceOf(PhoneTakenError);
    const lost = register({ centreIds: ['00000000-0000-4000-8000-000000000000'] });
    await expect(repo.save(lost)).rejects.toBeInstanceOf(ValidationFailedError);
    expect(await countRows(sameName.id)).toBe(0);
    expect(await countRows(lost.id)).toBe(0);
  });

  // Never commit an ADMIN here: the test apps' bootstrap admin is created only while there is none.
  it('knows when an ADMIN exists (inside a transaction that rolls back)', async () => {
    const rollback = new Error('rollback');
    const work = uow.run(async () => {
      await repo.save(register({ role: Role.ADMIN, centreIds: [] }));
      expect(await repo.anyAdminExists()).toBe(true);
      throw rollback;
    });
    await expect(work).rejects.toBe(rollback);
  });

  it('GetStaffUser answers the DTO with centres, and NOT_FOUND for deleted or malformed ids', async () => {
    const user = register();
    await repo.save(user);
    const handler = new GetStaffUserHandler(db);
    expect(await handler.execute(new GetStaffUser(user.id))).toEqual({
      id: user.id,
      fullName: 'Asha Rao',
      phone: user.snapshot().phone,
      email: 'asha@carebook.example',
      username: user.snapshot().username,
      role: 'FRONT_DESK',
      centreIds,
      isActive: true,
      createdAt: now.toISOString(),
    });
    const manager = register({ role: Role.MANAGER, centreIds: [] });
    await repo.save(manager);
    expect((await handler.execute(new GetStaffUser(manager.id))).centreIds).toEqual([]);
    await db.query(`UPDATE staff_users SET deleted_at = now(), is_active = false WHERE id = $1`, [
      user.id,
    ]);
    await expect(handler.execute(new GetStaffUser(user.id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(handler.execute(new GetStaffUser('nope'))).rejects.toBeInstanceOf(NotFoundError);
  });
});
