import { DynamicModule, Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditLog } from './audit/audit-log';
import { Clock, SystemClock } from './clock/clock';
import { CarebookConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LOG_STREAM, LoggingModule } from './logging/logging.module';
import { RedisModule } from './redis/redis';

export interface CoreModuleOptions {
  /** Variables that win over the environment (tests use it instead of mutating process.env). */
  env?: Record<string, string | undefined>;
}

/**
 * The shared runtime of both apps: configuration, JSON logs, PostgreSQL with the unit of work
 * and outbox, Redis, CQRS buses, the audit log and the clock. Token verification
 * (`AuthCoreModule`) belongs to the API only: passport strategies are process-wide, so a
 * worker booted beside an API in one process must not register its own.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        CarebookConfigModule.forRoot(options.env),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        CqrsModule.forRoot(),
      ],
      // LOG_STREAM null = stdout; tests override it to read what would be logged.
      providers: [{ provide: Clock, useClass: SystemClock }, AuditLog, { provide: LOG_STREAM, useValue: null }],
      exports: [Clock, CqrsModule, AuditLog, LOG_STREAM],
    };
  }
}
