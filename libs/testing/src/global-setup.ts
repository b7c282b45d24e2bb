import 'reflect-metadata';
// Jest loads globalSetup outside its module map, so the `@carebook/*` aliases do not resolve here.
// eslint-disable-next-line no-restricted-imports
import { dataSourceOptions } from '../../core/src/database/data-source-options';
import { DataSource } from 'typeorm';
import { assertTestDatabase, resolveTestServices } from './test-services';

/** Jest global setup: finds the services, refuses non-test databases, migrates once per run. */
export default async function globalSetup(): Promise<void> {
  const services = await resolveTestServices();
  assertTestDatabase(services.databaseUrl);
  process.env.DATABASE_URL = services.databaseUrl;
  process.env.REDIS_URL = services.redisUrl;
  process.env.NODE_ENV = 'test';
  (globalThis as { __carebookServices?: typeof services }).__carebookServices = services;

  const db = new DataSource(dataSourceOptions({ url: services.databaseUrl, poolSize: 2 }, 'carebook-test-setup'));
  await db.initialize();
  try {
    for (const ext of ['pgcrypto', 'citext', 'btree_gist', 'postgis']) {
      await db.query(`CREATE EXTENSION IF NOT EXISTS ${ext}`);
    }
    await db.runMigrations({ transaction: 'each' });
  } finally {
    await db.destroy();
  }
}
