import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseEngine, type Db, openDatabase } from '../packages/server/src/db/client.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { SQLITE_FILE_NAME } from '../packages/server/src/db/open-from-config.ts';
import type { BenchOptions } from './bench-options.ts';

/** The repository root: benchmark data lives in its git-ignored `data/bench/`. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** A seeded database for one engine, and the environment that points a Charla process at it. */
export interface BenchDatabase {
  engine: DatabaseEngine;
  /** The SQLite file or the PostgreSQL database name, for the report. */
  location: string;
  /** DATA_DIR and DATABASE_URL for child processes (an empty DATABASE_URL means SQLite). */
  env: Record<string, string>;
  /** Wall time of `npm run seed` in this run, or null when an existing database was reused. */
  seedSeconds: number | null;
  open(): Db;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs the seed CLI as its own process, streaming its progress; resolves with the wall time. */
async function runSeed(env: Record<string, string>, options: BenchOptions, label: string): Promise<number> {
  const started = performance.now();
  const args = [
    '--import',
    'tsx',
    path.join(REPO_ROOT, 'packages/server/src/seed/seed.cli.ts'),
    '--customers',
    String(options.customers),
    '--messages',
    String(options.messages),
    '--seed',
    String(options.seed),
  ];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) process.stdout.write(`  [seed ${label}] ${line}\n`);
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`seeding ${label} failed (exit ${code})`);
  return (performance.now() - started) / 1000;
}

/** Whether a database already holds a seeded dataset of at least the requested size. */
async function holdsDataset(db: Db, options: BenchOptions): Promise<boolean> {
  try {
    const admin = await db.kysely
      .selectFrom('members')
      .select('workspace_id')
      .where('email', '=', 'admin@demo.charla.test')
      .executeTakeFirst();
    if (!admin) return false;
    const [messages, customers] = await Promise.all(
      (['messages', 'customers'] as const).map((table) =>
        db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', admin.workspace_id)
          .executeTakeFirstOrThrow(),
      ),
    );
    return Number(messages?.n) >= options.messages && Number(customers?.n) >= options.customers;
  } catch {
    return false;
  }
}

async function prepareSqlite(options: BenchOptions): Promise<BenchDatabase> {
  const dataDir = path.join(REPO_ROOT, 'data/bench', `sqlite-${options.customers}-${options.messages}`);
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  const open = () => openDatabase({ engine: 'sqlite', file });
  let seedSeconds: number | null = null;
  let reusable = false;
  if (options.reuse && existsSync(file)) {
    const db = open();
    reusable = await holdsDataset(db, options);
    await db.close();
  }
  if (!reusable) {
    rmSync(dataDir, { recursive: true, force: true });
    seedSeconds = await runSeed(env, options, 'sqlite');
  }
  const db = open();
  await migrateToLatest(db);
  await db.close();
  return { engine: 'sqlite', location: file, env, seedSeconds, open };
}

async function preparePostgres(options: BenchOptions, serverUrl: string): Promise<BenchDatabase> {
  const name = `charla_bench_${options.customers}_${options.messages}`;
  const url = withDatabase(serverUrl, name);
  const dataDir = path.join(REPO_ROOT, 'data/bench', `postgres-${options.customers}-${options.messages}`);
  const env = { DATA_DIR: dataDir, DATABASE_URL: url };
  const open = () => openDatabase({ engine: 'postgres', url, poolSize: 2 });
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  let seedSeconds: number | null = null;
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    let reusable = false;
    if (options.reuse && exists) {
      const db = open();
      reusable = await holdsDataset(db, options);
      await db.close();
    }
    if (!reusable) {
      // Only ever the benchmark's own database, named after its size.
      if (exists) await admin.query(`drop database ${name} with (force)`);
      await admin.query(`create database ${name}`);
      rmSync(dataDir, { recursive: true, force: true });
      seedSeconds = await runSeed(env, options, 'postgres');
    }
  } finally {
    await admin.end();
  }
  const db = open();
  await migrateToLatest(db);
  await db.close();
  return { engine: 'postgres', location: `${new URL(serverUrl).host}/${name}`, env, seedSeconds, open };
}

/** Seeds (or with --reuse, finds) the benchmark database of one engine, migrated to the latest schema. */
export async function prepareBenchDatabase(
  engine: DatabaseEngine,
  options: BenchOptions,
): Promise<BenchDatabase | null> {
  if (engine === 'sqlite') return prepareSqlite(options);
  if (!options.postgresUrl) return null;
  return preparePostgres(options, options.postgresUrl);
}
