import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../../migrations';
import type { DatabaseConfig } from '../config/env';

/**
 * The one description of the database, shared by the apps, the TypeORM CLI and the tests.
 * The schema comes from migrations only (`synchronize` stays off); the apps find entities
 * through `TypeOrmModule.forFeature` in each context (`autoLoadEntities`).
 */
export function dataSourceOptions(config: Pick<DatabaseConfig, 'url' | 'poolSize'>, applicationName = 'carebook'): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: config.poolSize, application_name: applicationName },
  };
}
