import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BootstrapAdmin } from './application/bootstrap-admin/bootstrap-admin';
import { LoginWithUsernamePasswordHandler } from './application/commands/login-with-username-password/login-with-username-password.handler';
import { PasswordHasher } from './application/ports/password-hasher';
import { GetStaffUserHandler } from './application/queries/get-staff-user/get-staff-user.handler';
import { TokenIssuer } from './application/token-issuer';
import { StaffUserRepository } from './domain/staff-user.repository';
import { Argon2PasswordHasher } from './infrastructure/argon2-password-hasher';
import { StaffUserCentreOrmEntity } from './infrastructure/staff-user-centre.orm-entity';
import { StaffUserOrmEntity } from './infrastructure/staff-user.orm-entity';
import { TypeormStaffUserRepository } from './infrastructure/typeorm-staff-user.repository';

const commandHandlers = [LoginWithUsernamePasswordHandler];
const queryHandlers = [GetStaffUserHandler];
const repositories = [{ provide: StaffUserRepository, useClass: TypeormStaffUserRepository }];
const credentials = [{ provide: PasswordHasher, useClass: Argon2PasswordHasher }, TokenIssuer];
const startup = [BootstrapAdmin];

/** Identity: staff users, their sign-in and the tokens the guards check; the first admin at start-up. */
@Module({
  imports: [TypeOrmModule.forFeature([StaffUserOrmEntity, StaffUserCentreOrmEntity])],
  providers: [...commandHandlers, ...queryHandlers, ...repositories, ...credentials, ...startup],
})
export class IdentityModule {}
