import {
  AUTH_CONFIG,
  Clock,
  ConflictError,
  Role,
  UnitOfWork,
  ValidationFailedError,
} from '@carebook/core';
import type { AuthConfig } from '@carebook/core';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { StaffUser } from '../../domain/staff-user';
import { StaffUserRepository } from '../../domain/staff-user.repository';
import { PasswordHasher } from '../ports/password-hasher';

// Any fixed 64-bit key, distinct from the outbox relay's; it names "creating the first admin".
const BOOTSTRAP_LOCK_KEY = 7_310_442_002;

type BootstrapAdminConfig = NonNullable<AuthConfig['bootstrapAdmin']>;

/**
 * Creates the first ADMIN from BOOTSTRAP_ADMIN_* at start-up when the database has none, so a
 * fresh installation can be signed into. Several API processes may start together: the
 * advisory lock makes them take turns, and each re-checks under the lock, so one admin results.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: Pick<AuthConfig, 'bootstrapAdmin'>,
    private readonly uow: UnitOfWork,
    private readonly users: StaffUserRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    // The cheap check first: on every start but the first there is an admin, and no hash is needed.
    if (!admin || (await this.users.anyAdminExists())) return;
    const user = this.newAdmin(admin, await this.hasher.hash(admin.password));
    try {
      const created = await this.uow.run(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
        if (await this.users.anyAdminExists()) return false;
        await this.users.save(user);
        return true;
      });
      if (created) this.logger.log(`bootstrap admin ${admin.username} created`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Someone else holds that username or phone: the service still starts; say why there is no admin.
      this.logger.warn(`bootstrap admin ${admin.username} not created: ${error.message}`);
    }
  }

  private newAdmin(admin: BootstrapAdminConfig, passwordHash: string): StaffUser {
    const profile = {
      fullName: 'Administrator',
      phone: admin.phone ?? null,
      email: null,
      username: admin.username,
      role: Role.ADMIN,
      centreIds: [],
    };
    try {
      return StaffUser.register(profile, passwordHash, this.clock.now());
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      // A bad variable is an operator's mistake: stop start-up and say which.
      const problems = error.errors.map((e) => e.message).join('; ');
      throw new Error(`BOOTSTRAP_ADMIN_USERNAME/PHONE are not valid: ${problems}`);
    }
  }
}
