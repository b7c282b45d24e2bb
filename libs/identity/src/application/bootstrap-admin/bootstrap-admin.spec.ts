import { Role, UnitOfWork } from '@carebook/core';
import type { AuthConfig } from '@carebook/core';
import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FixedClock } from '@carebook/testing';
import { UsernameTakenError } from '../../domain/staff-user.errors';
import {
  aStaffUser,
  FakePasswordHasher,
  InMemoryStaffUserRepository,
} from '../../testing/identity-fakes';
import { BootstrapAdmin } from './bootstrap-admin';

/** Runs work at once, recording the SQL it issues (the advisory lock). */
class RecordingUnitOfWork {
  readonly sql: string[] = [];
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work({
      query: async (sql: string) => void this.sql.push(sql),
    } as unknown as EntityManager);
  }
}

describe('BootstrapAdmin (unit; the advisory lock itself needs two real connections)', () => {
  const ADMIN = { username: 'root.admin', password: 'a-long-admin-password' };
  let users: InMemoryStaffUserRepository;
  let uow: RecordingUnitOfWork;
  let log: jest.SpyInstance;

  beforeEach(() => {
    users = new InMemoryStaffUserRepository();
    uow = new RecordingUnitOfWork();
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const boot = (bootstrapAdmin: AuthConfig['bootstrapAdmin']) =>
    new BootstrapAdmin(
      { bootstrapAdmin },
      uow as unknown as UnitOfWork,
      users,
      new FakePasswordHasher(),
      new FixedClock(),
    ).onApplicationBootstrap();

  it('creates the ADMIN under the lock and logs its username, never the password', async () => {
    await boot({ ...ADMIN, phone: '+919800000009' });
    const [admin] = users.rows.values();
    expect(admin).toMatchObject({
      fullName: 'Administrator',
      username: 'root.admin',
      phone: '+919800000009',
      role: Role.ADMIN,
      centreIds: [],
      passwordHash: 'hashed:a-long-admin-password',
      isActive: true,
    });
    expect(uow.sql).toEqual(['SELECT pg_advisory_xact_lock($1)']);
    expect(log).toHaveBeenCalledWith('bootstrap admin root.admin created');
    expect(JSON.stringify(log.mock.calls)).not.toContain(ADMIN.password);
  });

  it('does nothing without configuration or when an ADMIN exists', async () => {
    await boot(undefined);
    await users.save(aStaffUser({ role: Role.ADMIN, centreIds: [], username: 'existing' }));
    await boot(ADMIN);
    expect([...users.rows.values()].map((u) => u.username)).toEqual(['existing']);
    expect(uow.sql).toEqual([]);
  });

  it('stops start-up with the variable named when the phone is not E.164', async () => {
    await expect(boot({ ...ADMIN, phone: '98000' })).rejects.toThrow(
      /BOOTSTRAP_ADMIN_USERNAME\/PHONE.*E\.164/,
    );
  });

  it('warns and lets the service start when the username belongs to someone else', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(users, 'save').mockRejectedValue(new UsernameTakenError());
    await boot(ADMIN);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/^bootstrap admin root.admin not created/),
    );
  });
});
