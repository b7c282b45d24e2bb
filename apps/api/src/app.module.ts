import { CentresModule } from '@carebook/centres';
import { DirectoryModule } from '@carebook/directory';
import { IdentityModule } from '@carebook/identity';
import { NotificationsModule } from '@carebook/notifications';
import { PatientsModule } from '@carebook/patients';
import { APP_CONFIG, AppConfig, AuthCoreModule, CoreModule, CoreModuleOptions, JwtAuthGuard, RolesGuard } from '@carebook/core';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthController } from './auth/auth.controller';
import { CentresController } from './centres/centres.controller';
import { DevMessagesController } from './dev/dev-messages.controller';
import { ClinicianDirectoryController } from './directory/clinician-directory.controller';
import { HealthModule } from './health/health.module';
import { PatientAuthController } from './patient-auth/patient-auth.controller';
import { UsersController } from './users/users.controller';

/** The HTTP API: thin controllers over the contexts' commands and queries. */
@Module({})
export class AppModule {
  static forRoot(options: CoreModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        AuthCoreModule,
        ThrottlerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (app: AppConfig) => [{ ttl: 60_000, limit: app.rateLimitPerMinute }],
        }),
        HealthModule,
        IdentityModule,
        PatientsModule,
        CentresModule,
        DirectoryModule,
        NotificationsModule,
      ],
      controllers: [
        AuthController,
        PatientAuthController,
        CentresController,
        UsersController,
        DevMessagesController,
        ClinicianDirectoryController,
      ],
      providers: [
        // Order matters: throttle first, then authenticate, then check roles.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useExisting: JwtAuthGuard },
        { provide: APP_GUARD, useExisting: RolesGuard },
      ],
    };
  }
}
