import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error';
import type { Actor } from './actor';
import { IS_PUBLIC, PATIENT_ONLY, ROLES } from './decorators';
import type { Role } from './roles';

/** What a route's decorators say about who may call it: read once per handler and class. */
interface RouteAccess {
  isPublic: boolean;
  roles: Role[] | undefined;
  patientOnly: boolean;
}

const routeAccess = new WeakMap<object, WeakMap<object, RouteAccess>>();

/** The route's `@Public()`, `@Roles()` and `@PatientOnly()` (handler over class), cached: decorators do not change at run time. */
function accessOf(reflector: Reflector, context: ExecutionContext): RouteAccess {
  const handler = context.getHandler();
  const type = context.getClass();
  let byClass = routeAccess.get(handler);
  if (!byClass) routeAccess.set(handler, (byClass = new WeakMap()));
  let access = byClass.get(type);
  if (!access) {
    const targets = [handler, type];
    access = {
      isPublic: !!reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets),
      roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets),
      patientOnly: !!reflector.getAllAndOverride<boolean | undefined>(PATIENT_ONLY, targets),
    };
    byClass.set(type, access);
  }
  return access;
}

/**
 * Deny by default: every route needs a valid bearer token unless it is `@Public()`. passport-jwt
 * (JwtStrategy) checks the token and asks the PrincipalGate; the route's decorators are read once.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const { isPublic } = accessOf(this.reflector, context);
    if (!isPublic) return (await super.canActivate(context)) as boolean;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    if (!request.headers.authorization) return true;
    // A public route still learns who is calling, but a bad token does not lock anyone out.
    return Promise.resolve(super.canActivate(context) as Promise<boolean>).catch(() => true);
  }

  override handleRequest<T = Actor>(error: unknown, actor: T | false): T {
    if (error || !actor) throw new UnauthenticatedError();
    return actor;
  }
}

/** Enforces `@Roles(...)` (staff with a listed role) and `@PatientOnly()` (patients). */
@Injectable()
export class RolesGuard {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const { roles, patientOnly } = accessOf(this.reflector, context);
    if (!roles?.length && !patientOnly) return true;
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (!actor) throw new UnauthenticatedError();
    if (patientOnly) {
      if (actor.kind !== 'patient') throw new ForbiddenError('This route is for patients.');
      return true;
    }
    if (actor.kind !== 'staff' || !roles?.includes(actor.role)) throw new ForbiddenError();
    return true;
  }
}
