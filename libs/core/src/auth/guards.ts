import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error';
import type { Actor } from './actor';
import { IS_PUBLIC, PATIENT_ONLY, ROLES } from './decorators';
import type { Role } from './roles';

/** Deny by default: every route needs a valid bearer token unless it is `@Public()`. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
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
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const patientOnly = this.reflector.getAllAndOverride<boolean | undefined>(PATIENT_ONLY, targets);
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
