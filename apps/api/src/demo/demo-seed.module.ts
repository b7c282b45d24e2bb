import { BookingModule } from '@carebook/booking';
import { CentresModule } from '@carebook/centres';
import { CliniciansModule } from '@carebook/clinicians';
import { CoreModule } from '@carebook/core';
import { DirectoryModule } from '@carebook/directory';
import { IdentityModule } from '@carebook/identity';
import { PatientsModule } from '@carebook/patients';
import { DynamicModule, Module } from '@nestjs/common';

/**
 * The contexts the seed asks for free slots and directory rows: no HTTP, no queues, no worker.
 * The bootstrap admin is left to the API (which creates and logs it), so the seed writes
 * nothing but demo rows.
 */
@Module({})
export class DemoSeedModule {
  static forRoot(): DynamicModule {
    return {
      module: DemoSeedModule,
      imports: [
        CoreModule.forRoot({
          env: { BOOTSTRAP_ADMIN_USERNAME: undefined, BOOTSTRAP_ADMIN_PASSWORD: undefined, BOOTSTRAP_ADMIN_PHONE: undefined },
        }),
        IdentityModule,
        CentresModule,
        CliniciansModule,
        PatientsModule,
        BookingModule,
        DirectoryModule,
      ],
    };
  }
}
