import { CentresModule } from '@carebook/centres';
import { IdentityModule } from '@carebook/identity';
import { APP_CONFIG, AppConfig, CoreModule, CoreModuleOptions, JwtAuthGuard, RolesGuard } from '@carebook/core';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthController } from './auth/auth.controller';
import { CentresController } from './centres/centres.controller';
import { HealthModule } from './health/health.module';

/** The HTTP API: thin controllers over the contexts' commands and queries. */
@Module({})
export class AppModule {
  static forRoot(options: CoreModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        ThrottlerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (app: AppConfig) => [{ ttl: 60_000, limit: app.rateLimitPerMinute }],
        }),
        HealthModule,
        IdentityModule,
        CentresModule,
      ],
      controllers: [AuthController, CentresController],
      providers: [
        // Order matters: throttle first, then authenticate, then check roles.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useExisting: JwtAuthGuard },
        { provide: APP_GUARD, useExisting: RolesGuard },
      ],
    };
  }
}
