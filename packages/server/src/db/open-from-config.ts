import path from 'node:path';
import type { Config } from '../config/config.ts';
import { type Db, openDatabase } from './client.ts';

/** The SQLite file inside DATA_DIR. */
export const SQLITE_FILE_NAME = 'charla.sqlite';

/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export function openDatabaseFromConfig(config: Config): Db {
  if (config.databaseEngine === 'postgres' && config.DATABASE_URL) {
    return openDatabase({
      engine: 'postgres',
      url: config.DATABASE_URL,
      poolSize: config.DATABASE_POOL_SIZE,
    });
  }
  return openDatabase({ engine: 'sqlite', file: path.join(config.dataDir, SQLITE_FILE_NAME) });
}
