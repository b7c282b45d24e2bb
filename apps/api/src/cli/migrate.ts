/**
 * Runs pending migrations (used by `npm start`; `npm run migration:run` does the same through
 * the TypeORM CLI). Usage: node dist/apps/api/src/cli/migrate.js
 */
import 'reflect-metadata';
import { dataSourceOptions, loadConfig, loadDotEnv } from '@carebook/core';
import { DataSource } from 'typeorm';

async function main(): Promise<void> {
  loadDotEnv();
  const db = new DataSource(dataSourceOptions(loadConfig().database, 'carebook-migrate'));
  await db.initialize();
  try {
    const applied = await db.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'database schema is up to date');
  } finally {
    await db.destroy();
  }
}

main().catch((error: Error) => {
  console.error(`migration failed: ${error.message}`);
  process.exit(1);
});
