import { DynamicModule, Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthCoreModule } from './auth/auth-core.module';
import { Clock, SystemClock } from './clock/clock';
import { CarebookConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { RedisModule } from './redis/redis';

export interface CoreModuleOptions {
  /** Variables that win over the environment (tests use it instead of mutating process.env). */
  env?: Record<string, string | undefined>;
}

/**
 * The shared runtime of both apps: configuration, JSON logs, PostgreSQL with the unit of work
 * and outbox, Redis, CQRS buses, token verification and the clock.
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
        AuthCoreModule,
        CqrsModule.forRoot(),
      ],
      providers: [{ provide: Clock, useClass: SystemClock }],
      exports: [Clock, CqrsModule],
    };
  }
}
