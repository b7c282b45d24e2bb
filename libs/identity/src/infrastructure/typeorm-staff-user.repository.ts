import {
  DomainError,
  OutboxWriter,
  pgErrorOf,
  PG,
  Role,
  UnitOfWork,
  ValidationFailedError,
} from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { StaffUser } from '../domain/staff-user';
import { PhoneTakenError, UsernameTakenError } from '../domain/staff-user.errors';
import { StaffUserRepository } from '../domain/staff-user.repository';
import { StaffUserCentreOrmEntity } from './staff-user-centre.orm-entity';
import { StaffUserOrmEntity } from './staff-user.orm-entity';

/** Saves the row, its centre memberships and the aggregate's events in one transaction. */
@Injectable()
export class TypeormStaffUserRepository extends StaffUserRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async findById(id: string): Promise<StaffUser | undefined> {
    const row = await this.uow.manager().findOneBy(StaffUserOrmEntity, { id, deletedAt: IsNull() });
    return row ? this.toAggregate(this.uow.manager(), row) : undefined;
  }

  async findByUsername(username: string): Promise<StaffUser | undefined> {
    // citext column: the comparison is case-insensitive and uses "UQ_staff_users_username".
    const row = await this.uow
      .manager()
      .findOneBy(StaffUserOrmEntity, { username, deletedAt: IsNull() });
    return row ? this.toAggregate(this.uow.manager(), row) : undefined;
  }

  async findByPhone(phone: string): Promise<StaffUser | undefined> {
    const row = await this.uow.manager().findOneBy(StaffUserOrmEntity, { phone, deletedAt: IsNull() });
    return row ? this.toAggregate(this.uow.manager(), row) : undefined;
  }

  async anyAdminExists(): Promise<boolean> {
    return this.uow
      .manager()
      .existsBy(StaffUserOrmEntity, { role: Role.ADMIN, deletedAt: IsNull() });
  }

  async save(user: StaffUser): Promise<void> {
    try {
      await this.uow.run(async (manager) => {
        await manager.save(StaffUserOrmEntity, toRow(user));
        await syncCentres(manager, user.id, user.centreIds);
        await this.outbox.append(manager, user.pullEvents());
      });
    } catch (error) {
      throw translate(error) ?? error;
    }
  }

  private async toAggregate(manager: EntityManager, row: StaffUserOrmEntity): Promise<StaffUser> {
    const links = await manager.find(StaffUserCentreOrmEntity, {
      where: { userId: row.id },
      order: { centreId: 'ASC' },
    });
    return StaffUser.restore({
      id: row.id,
      fullName: row.fullName,
      phone: row.phone,
      email: row.email,
      username: row.username,
      passwordHash: row.passwordHash,
      role: row.role as Role,
      centreIds: links.map((link) => link.centreId),
      isActive: row.isActive,
      deletedAt: row.deletedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

/** Makes the stored memberships equal `centreIds`, touching only the rows that differ. */
async function syncCentres(
  manager: EntityManager,
  userId: string,
  centreIds: string[],
): Promise<void> {
  await manager.query(
    `DELETE FROM staff_user_centres WHERE user_id = $1 AND centre_id <> ALL($2::uuid[])`,
    [userId, centreIds],
  );
  await manager.query(
    `INSERT INTO staff_user_centres (user_id, centre_id)
     SELECT $1, centre_id FROM unnest($2::uuid[]) AS centre_id
     ON CONFLICT DO NOTHING`,
    [userId, centreIds],
  );
}

/** The constraints this table knows, as precise domain errors. */
function translate(error: unknown): DomainError | undefined {
  const pg = pgErrorOf(error);
  if (pg?.code === PG.UNIQUE_VIOLATION && pg.constraint === 'UQ_staff_users_username')
    return new UsernameTakenError();
  if (pg?.code === PG.UNIQUE_VIOLATION && pg.constraint === 'UQ_staff_users_phone')
    return new PhoneTakenError();
  if (pg?.code === PG.FOREIGN_KEY_VIOLATION && pg.constraint === 'FK_staff_user_centres_centre') {
    return new ValidationFailedError([
      { field: 'centreIds', message: 'centreIds names a centre that does not exist' },
    ]);
  }
  return undefined;
}

function toRow(user: StaffUser): StaffUserOrmEntity {
  const s = user.snapshot();
  return Object.assign(new StaffUserOrmEntity(), {
    id: s.id,
    fullName: s.fullName,
    phone: s.phone,
    email: s.email,
    username: s.username,
    passwordHash: s.passwordHash,
    role: s.role,
    isActive: s.isActive,
    deletedAt: s.deletedAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  });
}
