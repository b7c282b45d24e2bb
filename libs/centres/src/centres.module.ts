import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreateCentreHandler } from './application/commands/create-centre/create-centre.handler';
import { DeleteCentreHandler } from './application/commands/delete-centre/delete-centre.handler';
import { ToggleCentreActiveHandler } from './application/commands/toggle-centre-active/toggle-centre-active.handler';
import { UpdateCentreHandler } from './application/commands/update-centre/update-centre.handler';
import { FindCentresNearHandler } from './application/queries/find-centres-near/find-centres-near.handler';
import { GetCentreHandler } from './application/queries/get-centre/get-centre.handler';
import { ListCentresHandler } from './application/queries/list-centres/list-centres.handler';
import { CentreRepository } from './domain/centre.repository';
import { CentreOrmEntity } from './infrastructure/centre.orm-entity';
import { TypeormCentreRepository } from './infrastructure/typeorm-centre.repository';

const commandHandlers = [CreateCentreHandler, UpdateCentreHandler, DeleteCentreHandler, ToggleCentreActiveHandler];
const queryHandlers = [ListCentresHandler, GetCentreHandler, FindCentresNearHandler];
const repositories = [{ provide: CentreRepository, useClass: TypeormCentreRepository }];

/** Centres: the clinic locations of the network, with PostGIS location and IANA time zone. */
@Module({
  imports: [TypeOrmModule.forFeature([CentreOrmEntity])],
  providers: [...commandHandlers, ...queryHandlers, ...repositories],
})
export class CentresModule {}
