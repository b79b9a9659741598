import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { vi } from 'vitest';
import { type DatabaseEngine, type Db, openDatabase } from '../db/client.ts';
import { dialectFor } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { allMigrations } from '../db/migrations/index.ts';
import { SQLITE_FILE_NAME } from '../db/open-from-config.ts';
import { sha256 } from '../platform/crypto.ts';

/** A migrated, empty database for one test file, removed by `dispose`. */
export interface TestDb extends Db {
  /** Another handle on the same database with its own connections, as a second node would open. */
  reopen(): Db;
  /** DATA_DIR / DATABASE_URL that point a Charla process (`main.ts`) at this database. */
  processEnv: { DATA_DIR: string; DATABASE_URL: string };
  dispose(): Promise<void>;
}

/** Which engine the integration suite runs on: `CHARLA_TEST_DB=postgres` or SQLite by default. */
export function testEngine(): DatabaseEngine {
  return process.env.CHARLA_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url)
    throw new Error('CHARLA_TEST_DB=postgres needs TEST_DATABASE_URL (npm test starts a cluster for you)');
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Arbitrary key that serialises template creation across parallel test workers. */
const TEMPLATE_LOCK = 7_305_012;

/**
 * Creating a database from a migrated template takes milliseconds, where migrating each one
 * would take far longer; the template's name changes whenever the migrations do.
 */
async function ensureTemplate(admin: pg.Client): Promise<string> {
  const names = Object.keys(allMigrations(dialectFor('postgres'))).join(',');
  const template = `charla_tpl_${sha256(names).slice(0, 12)}`;
  await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`create database ${template}`);
      const db = openDatabase({ engine: 'postgres', url: withDatabase(adminUrl(), template), poolSize: 1 });
      try {
        await migrateToLatest(db);
      } finally {
        await db.close();
      }
    }
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
  return template;
}

/**
 * Opens a fresh test database on the engine under test, migrated; `empty` leaves every migration
 * to the test (to fill an older schema, then migrate it).
 */
export async function createTestDb(
  engine: DatabaseEngine = testEngine(),
  options: { empty?: boolean } = {},
): Promise<TestDb> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'charla-test-'));
    const file = path.join(dir, SQLITE_FILE_NAME);
    const db = openDatabase({ engine: 'sqlite', file });
    if (!options.empty) await migrateToLatest(db);
    return {
      ...db,
      reopen: () => openDatabase({ engine: 'sqlite', file }),
      processEnv: { DATA_DIR: dir, DATABASE_URL: '' },
      async dispose() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  const name = `charla_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  try {
    if (options.empty) await admin.query(`create database ${name}`);
    else await admin.query(`create database ${name} template ${await ensureTemplate(admin)}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl(), name);
  const db = openDatabase({ engine: 'postgres', url, poolSize: 5 });
  return {
    ...db,
    reopen: () => openDatabase({ engine: 'postgres', url, poolSize: 5 }),
    processEnv: { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'charla-test-')), DATABASE_URL: url },
    async dispose() {
      await db.close();
      // Not `with (force)`: terminating a backend the pool is still closing makes pg report an
      // unhandled FATAL. A database still in use is left for the throwaway cluster's removal.
      const cleanup = new pg.Client({ connectionString: adminUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name}`).catch(() => undefined);
      await cleanup.end();
    },
  };
}

/** Resolves once some backend of this PostgreSQL database waits on a lock (another node's row). */
export async function waitUntilBlockedOnLock(db: Db): Promise<void> {
  await vi.waitFor(
    async () => {
      const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(db.kysely);
      if ((waiting.rows[0]?.n ?? 0) === 0) throw new Error('no transaction waits on the row lock yet');
    },
    { timeout: 5_000, interval: 10 },
  );
}
