import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type SqliteDatabase as KyselySqliteDatabase, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DatabaseEngine = 'sqlite' | 'postgres';

/** The database handle every repository receives: the query builder and which engine it speaks. */
export interface Db {
  readonly kysely: Kysely<Database>;
  readonly engine: DatabaseEngine;
  /** Present on PostgreSQL: the pool, for LISTEN/NOTIFY. */
  readonly pool: pg.Pool | null;
  /** Called after every committed transaction in this process (the realtime hub listens). */
  readonly commits: CommitSignal;
  close(): Promise<void>;
}

/** A tiny in-process signal: listeners run after each commit, synchronously and cheaply. */
export class CommitSignal {
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export type DbOptions =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string; poolSize?: number; applicationName?: string };

const PG_INT8_OID = 20;
const PG_NUMERIC_OID = 1700;

/** Epoch-millisecond bigints and counts come back from pg as strings; they fit in a double. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === PG_INT8_OID || oid === PG_NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/**
 * Inbox queries are short index walks. PostgreSQL still plans parallel workers for them at 100k
 * conversations, and on a small, busy machine starting the workers costs far more than the work
 * (docs/benchmarks/query.md). Set on every pooled connection at connect, without a round trip.
 */
const PG_SESSION_OPTIONS = '-c max_parallel_workers_per_gather=0';

/** Distinct SQL texts kept compiled; `in (…)` lists of every length make the set open-ended. */
const STATEMENT_CACHE_SIZE = 1_000;

/**
 * Kysely asks better-sqlite3 to compile every statement it runs, yet the same few hundred SQL
 * texts repeat: keep them compiled (least recently used out). Kysely runs one statement at a
 * time on its single SQLite connection and we never stream, so a cached statement is never
 * busy when it is handed out again; SQLite recompiles one itself after a schema change.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = (sql: string): SqliteDatabase.Statement => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = sqlite.prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    cache.set(sql, statement);
    return statement;
  };
  return { prepare, close: () => sqlite.close() };
}

/** Opens the database: SQLite in WAL mode with foreign keys on, or a PostgreSQL pool. */
export function openDatabase(options: DbOptions): Db {
  if (options.engine === 'sqlite') {
    if (options.file !== ':memory:') mkdirSync(path.dirname(options.file), { recursive: true });
    const sqlite = new SqliteDatabase(options.file);
    sqlite.pragma('journal_mode = WAL');
    // FULL: a webhook acknowledged with 200 must survive power loss, not just a process crash.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const kysely = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
    return {
      kysely,
      engine: 'sqlite',
      pool: null,
      commits: new CommitSignal(),
      close: () => kysely.destroy(),
    };
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'charla',
    options: PG_SESSION_OPTIONS,
    types: pgTypes,
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, engine: 'postgres', pool, commits: new CommitSignal(), close: () => kysely.destroy() };
}
