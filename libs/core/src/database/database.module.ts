import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DATABASE_CONFIG } from '../config/config.module';
import type { DatabaseConfig } from '../config/env';
import { IdempotencyRecords } from '../idempotency/idempotency-records';
import { OutboxWriter } from '../outbox/outbox-writer';
import { dataSourceOptions } from './data-source-options';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [DATABASE_CONFIG],
      useFactory: (config: DatabaseConfig) => ({
        ...dataSourceOptions(config, `carebook-${process.title}`),
        autoLoadEntities: true,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [UnitOfWork, OutboxWriter, IdempotencyRecords],
  exports: [UnitOfWork, OutboxWriter, IdempotencyRecords, TypeOrmModule],
})
export class DatabaseModule {}
