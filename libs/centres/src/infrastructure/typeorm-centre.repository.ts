import { OutboxWriter, UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { Centre } from '../domain/centre';
import { CentreRepository } from '../domain/centre.repository';
import { GeoPoint } from '../domain/geo-point';
import { TimeZone } from '../domain/time-zone';
import { CentreOrmEntity } from './centre.orm-entity';

/** Saves the row and the aggregate's events in one transaction (the outbox pattern). */
@Injectable()
export class TypeormCentreRepository extends CentreRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async findById(id: string): Promise<Centre | undefined> {
    const row = await this.uow.manager().findOneBy(CentreOrmEntity, { id });
    return row && !row.deletedAt ? toAggregate(row) : undefined;
  }

  async save(centre: Centre): Promise<void> {
    await this.uow.run(async (manager) => {
      await manager.save(CentreOrmEntity, toRow(centre));
      await this.outbox.append(manager, centre.pullEvents());
    });
  }
}

function toAggregate(row: CentreOrmEntity): Centre {
  const [lng, lat] = row.location.coordinates;
  return Centre.restore({
    id: row.id,
    name: row.name,
    city: row.city,
    address: row.address,
    phone: row.phone,
    email: row.email,
    timeZone: TimeZone.of(row.timeZone),
    location: GeoPoint.of(lat, lng),
    isActive: row.isActive,
    deletedAt: row.deletedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

function toRow(centre: Centre): CentreOrmEntity {
  const s = centre.snapshot();
  return Object.assign(new CentreOrmEntity(), {
    id: s.id,
    name: s.name,
    city: s.city,
    address: s.address,
    phone: s.phone,
    email: s.email,
    timeZone: s.timeZone.name,
    location: { type: 'Point', coordinates: [s.location.lng, s.location.lat] },
    isActive: s.isActive,
    deletedAt: s.deletedAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  });
}
