/** @carebook/identity: staff users and sign-in. Use its commands and queries through the CQRS buses. */
export * from './identity.module';
export * from './application/dto/login.dto';
export * from './application/dto/staff-user.dto';
export * from './application/commands/login-with-username-password/login-with-username-password.command';
export * from './application/queries/get-staff-user/get-staff-user.query';
export * from './domain/events/staff-user-events';
export * from './domain/staff-user.errors';
