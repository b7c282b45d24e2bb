import { BookingModule } from '@carebook/booking';
import { CentresModule } from '@carebook/centres';
import { CliniciansModule } from '@carebook/clinicians';
import { DirectoryModule } from '@carebook/directory';
import { IdentityModule } from '@carebook/identity';
import { NotificationsModule } from '@carebook/notifications';
import { PatientsModule } from '@carebook/patients';
import {
  APP_CONFIG,
  AppConfig,
  AuthCoreModule,
  CoreModule,
  CoreModuleOptions,
  JwtAuthGuard,
  RolesGuard,
  throttlerOptions,
} from '@carebook/core';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppointmentsController } from './appointments/appointments.controller';
import { PatientAppointmentsController } from './appointments/patient-appointments.controller';
import { AuthController } from './auth/auth.controller';
import { BookingController } from './booking/booking.controller';
import { ClinicianSlotsController } from './booking/clinician-slots.controller';
import { MyAppointmentsController } from './booking/my-appointments.controller';
import { CentresController } from './centres/centres.controller';
import { CliniciansController } from './clinicians/clinicians.controller';
import { DevMessagesController } from './dev/dev-messages.controller';
import { ClinicianDirectoryController } from './directory/clinician-directory.controller';
import { TwilioWebhookController } from './notifications/twilio-webhook.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { QueueDashboardModule } from './admin/queue-dashboard.module';
import { AppointmentMessagesController } from './notifications/appointment-messages.controller';
import { HealthModule } from './health/health.module';
import { PatientController } from './patient/patient.controller';
import { PatientAuthController } from './patient-auth/patient-auth.controller';
import { PatientsController } from './patients/patients.controller';
import { RealtimeGatewayModule } from './realtime/realtime-gateway.module';
import { ReceptionistsController } from './receptionists/receptionists.controller';
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
          useFactory: (app: AppConfig) => throttlerOptions(app.rateLimitPerMinute),
        }),
        HealthModule,
        IdentityModule,
        PatientsModule,
        CentresModule,
        CliniciansModule,
        DirectoryModule,
        BookingModule,
        NotificationsModule,
        RealtimeGatewayModule,
        QueueDashboardModule,
      ],
      controllers: [
        AuthController,
        PatientAuthController,
        PatientsController,
        PatientController,
        CentresController,
        CliniciansController,
        UsersController,
        DevMessagesController,
        ClinicianDirectoryController,
        ClinicianSlotsController,
        BookingController,
        MyAppointmentsController,
        AppointmentsController,
        PatientAppointmentsController,
        ReceptionistsController,
        TwilioWebhookController,
        NotificationsController,
        AppointmentMessagesController,
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
