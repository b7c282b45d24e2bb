import { dataSourceOptions } from '@carebook/core';
import { DataSource } from 'typeorm';

/** A plain data source on the (migrated) test database, for integration specs and assertions. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export async function openTestDataSource(entities: Function[] = []): Promise<DataSource> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
  const db = new DataSource({ ...dataSourceOptions({ url, poolSize: 4 }, 'carebook-test'), entities });
  return db.initialize();
}
