import { APP_CONFIG } from '@carebook/core';
import type { AppConfig } from '@carebook/core';
import { CanActivate, Inject, Injectable, NotFoundException } from '@nestjs/common';

/**
 * Development routes exist only with DEV_MESSAGES=1 (refused in production). Otherwise they
 * answer exactly like an unknown route, before any validation, so nobody can tell they exist.
 */
@Injectable()
export class DevMessagesEnabledGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'devMessages'>) {}

  canActivate(): boolean {
    if (!this.config.devMessages) throw new NotFoundException();
    return true;
  }
}
