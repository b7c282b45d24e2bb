import { AUTH_CONFIG, AuthConfig, jwtKey, PrincipalGate } from '@carebook/core';
import { JwtModule } from '@nestjs/jwt';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BootstrapAdmin } from './application/bootstrap-admin/bootstrap-admin';
import { LoginWithUsernamePasswordHandler } from './application/commands/login-with-username-password/login-with-username-password.handler';
import { PasswordHasher } from './application/ports/password-hasher';
import { CreateStaffUserHandler } from './application/commands/create-staff-user/create-staff-user.handler';
import { DeleteStaffUserHandler } from './application/commands/delete-staff-user/delete-staff-user.handler';
import { ToggleStaffUserActiveHandler } from './application/commands/toggle-staff-user-active/toggle-staff-user-active.handler';
import { UpdateStaffUserHandler } from './application/commands/update-staff-user/update-staff-user.handler';
import { ListStaffUsersHandler } from './application/queries/list-staff-users/list-staff-users.handler';
import { ViewStaffUserHandler } from './application/queries/view-staff-user/view-staff-user.handler';
import { GetStaffUserHandler } from './application/queries/get-staff-user/get-staff-user.handler';
import { TokenIssuer } from './application/token-issuer';
import { LoginWithPhoneOtpHandler } from './application/commands/login-with-phone-otp/login-with-phone-otp.handler';
import { LoginWithPhonePasswordHandler } from './application/commands/login-with-phone-password/login-with-phone-password.handler';
import { LogoutHandler } from './application/commands/logout/logout.handler';
import { RefreshSessionHandler } from './application/commands/refresh-session/refresh-session.handler';
import { SendOtpHandler } from './application/commands/send-otp/send-otp.handler';
import { VerifyPatientOtpHandler } from './application/commands/verify-patient-otp/verify-patient-otp.handler';
import { OtpCodes } from './application/otp/otp-codes';
import { OtpVerifier } from './application/otp/otp-verifier';
import { SessionStore } from './application/ports/session-store';
import { SignInFailures } from './application/ports/sign-in-failures';
import { SessionTokens } from './application/sessions/session-tokens';
import { StaffSignIn } from './application/sessions/staff-sign-in';
import { OtpChallengeRepository } from './domain/otp-challenge.repository';
import { TypeormOtpChallengeRepository } from './infrastructure/typeorm-otp-challenge.repository';
import { TypeormPrincipalGate } from './infrastructure/typeorm-principal-gate';
import { TypeormSessionStore } from './infrastructure/typeorm-session.store';
import { TypeormSignInFailures } from './infrastructure/typeorm-sign-in-failures';
import { StaffUserRepository } from './domain/staff-user.repository';
import { Argon2PasswordHasher } from './infrastructure/argon2-password-hasher';
import { StaffUserCentreOrmEntity } from './infrastructure/staff-user-centre.orm-entity';
import { StaffUserOrmEntity } from './infrastructure/staff-user.orm-entity';
import { TypeormStaffUserRepository } from './infrastructure/typeorm-staff-user.repository';

const commandHandlers = [
  LoginWithUsernamePasswordHandler,
  LoginWithPhonePasswordHandler,
  SendOtpHandler,
  LoginWithPhoneOtpHandler,
  VerifyPatientOtpHandler,
  RefreshSessionHandler,
  LogoutHandler,
  CreateStaffUserHandler,
  UpdateStaffUserHandler,
  DeleteStaffUserHandler,
  ToggleStaffUserActiveHandler,
];
const queryHandlers = [GetStaffUserHandler, ListStaffUsersHandler, ViewStaffUserHandler];
const repositories = [
  { provide: StaffUserRepository, useClass: TypeormStaffUserRepository },
  { provide: OtpChallengeRepository, useClass: TypeormOtpChallengeRepository },
  { provide: SessionStore, useClass: TypeormSessionStore },
  { provide: SignInFailures, useClass: TypeormSignInFailures },
];
const credentials = [
  { provide: PasswordHasher, useClass: Argon2PasswordHasher },
  TokenIssuer,
  OtpCodes,
  OtpVerifier,
  SessionTokens,
  StaffSignIn,
];
const gate = { provide: PrincipalGate, useClass: TypeormPrincipalGate };
const startup = [BootstrapAdmin];

/**
 * Identity: staff users and patients' sign-in (passwords, OTP), sessions with rotating refresh
 * tokens, and the PrincipalGate the JWT guard asks on every request (global, so core's
 * strategy sees it); the first admin at start-up.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([StaffUserOrmEntity, StaffUserCentreOrmEntity]),
    // Identity signs the tokens; it brings its own JwtService so it works in any app (the worker too).
    JwtModule.registerAsync({
      inject: [AUTH_CONFIG],
      useFactory: (config: AuthConfig) => ({
        secret: jwtKey(config),
        signOptions: { algorithm: 'HS256', expiresIn: config.accessTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [...commandHandlers, ...queryHandlers, ...repositories, ...credentials, ...startup, gate],
  exports: [PrincipalGate],
})
export class IdentityModule {}
