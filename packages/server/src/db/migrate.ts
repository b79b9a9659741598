import { type MigrationResultSet, Migrator } from 'kysely';
import type { Db } from './client.ts';
import { dialectFor } from './dialect.ts';
import { allMigrations } from './migrations/index.ts';

function migratorFor(db: Db): Migrator {
  const migrations = allMigrations(dialectFor(db.engine));
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
  });
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const result: MigrationResultSet = await migratorFor(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((step) => step.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: result.error });
  }
  return (result.results ?? []).map((step) => step.migrationName);
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrations = await migratorFor(db).getMigrations();
  return migrations
    .filter((migration) => migration.executedAt === undefined)
    .map((migration) => migration.name);
}
