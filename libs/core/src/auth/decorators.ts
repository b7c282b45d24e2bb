import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Actor } from './actor';
import type { Role } from './roles';

export const IS_PUBLIC = 'carebook:isPublic';
export const ROLES = 'carebook:roles';
export const PATIENT_ONLY = 'carebook:patientOnly';

/** Anyone may call the route; a bearer token, when valid, still identifies the caller. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-auth', 'public'));

/** Only staff with one of these roles may call the route (deny by default otherwise). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES, roles), ApiExtension('x-auth', { roles }));

/** Only a signed-in patient may call the route (patient self-service); staff get 403. */
export const PatientOnly = () =>
  applyDecorators(SetMetadata(PATIENT_ONLY, true), ApiExtension('x-auth', { roles: ['PATIENT'] }));

/** The authenticated caller; `undefined` only on `@Public()` routes called without a token. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | undefined => {
  return ctx.switchToHttp().getRequest<{ user?: Actor }>().user;
});
