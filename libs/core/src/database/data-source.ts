/**
 * Data source for the TypeORM CLI (`npm run migration:run|revert|generate`), run from `dist/`.
 */
import { DataSource } from 'typeorm';
import { loadDotEnv } from '../config/config.module';
import { loadConfig } from '../config/env';
import { dataSourceOptions } from './data-source-options';

loadDotEnv();
export default new DataSource({
  ...dataSourceOptions(loadConfig().database, 'carebook-cli'),
  entities: [`${__dirname}/../../../*/src/**/*.orm-entity.js`],
});
