/**
 * Loads the demo data set (used by `npm start`). Idempotent: rows have fixed ids and are only
 * inserted when missing, so a restart never duplicates or overwrites anything.
 */
import 'reflect-metadata';
import { dataSourceOptions, loadConfig, loadDotEnv } from '@carebook/core';
import { DataSource } from 'typeorm';
import { DEMO_CENTRES } from '../demo/demo-centres';
import { seedDemoData } from '../demo/seed-demo-data';

async function main(): Promise<void> {
  loadDotEnv();
  const db = new DataSource(dataSourceOptions(loadConfig().database, 'carebook-seed'));
  await db.initialize();
  try {
    const { centresAdded } = await seedDemoData(db);
    console.log(`demo data: ${centresAdded} centres added, ${DEMO_CENTRES.length - centresAdded} already there`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: Error) => {
  console.error(`demo data failed: ${error.message}`);
  process.exit(1);
});
