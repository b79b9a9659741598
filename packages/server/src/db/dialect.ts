import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  type RawBuilder,
  sql,
} from 'kysely';
import type { DatabaseEngine } from './client.ts';
import {
  createPostgresConversationCountTriggers,
  createSqliteConversationCountTriggers,
} from './conversation-count-triggers.ts';

/**
 * The only place that branches on the database engine. Migrations and repositories ask here
 * for the few things SQLite and PostgreSQL spell differently.
 */
export interface Dialect {
  engine: DatabaseEngine;
  /** Adds an auto-incrementing integer primary key column named `id`. */
  addSerialId<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  /** Column type for epoch milliseconds. */
  readonly epochMs: 'bigint' | 'integer';
  /** Whether `FOR UPDATE SKIP LOCKED` exists (PostgreSQL); SQLite has one writer instead. */
  readonly supportsSkipLocked: boolean;
  /** Creates the trigram index behind customer search (FTS5 on SQLite, pg_trgm on PostgreSQL). */
  createCustomerSearchIndex(db: Kysely<unknown>): Promise<void>;
  /** Creates the triggers that keep `conversation_counts` in step with `conversations`. */
  createConversationCountTriggers(db: Kysely<unknown>): Promise<void>;
  /**
   * SQL for "ids of this workspace's customers whose search text contains `needle`", using the
   * trigram index when the needle has at least three characters.
   */
  customerIdsMatching(workspaceId: string, needle: string): RawBuilder<unknown>;
  /**
   * The column, written so the planner picks no index for a condition on it: SQLite's unary `+`
   * (its documented way to do that). SQLite keeps no statistics here and takes `workspace_id = ?`
   * for a selective condition, while most installs have one workspace; PostgreSQL's planner
   * has statistics and gets the plain column.
   */
  unindexed(column: string): RawBuilder<unknown>;
}

/** Whether a database error is a unique-constraint violation (a duplicate), on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return (
    error.code === '23505' ||
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** Escapes LIKE wildcards so a typed `%` or `_` matches itself. */
function likeContains(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function dialectFor(engine: DatabaseEngine): Dialect {
  if (engine === 'postgres') {
    return {
      engine,
      addSerialId: (table) => table.addColumn('id', 'bigserial', (column) => column.primaryKey()),
      epochMs: 'bigint',
      supportsSkipLocked: true,
      createCustomerSearchIndex: createPostgresCustomerSearch,
      createConversationCountTriggers: createPostgresConversationCountTriggers,
      customerIdsMatching: (workspaceId, needle) =>
        sql`select id from customers where workspace_id = ${workspaceId} and search_text like ${likeContains(needle)} escape '\\'`,
      unindexed: (column) => sql`${sql.ref(column)}`,
    };
  }
  return {
    engine,
    addSerialId: (table) =>
      table.addColumn('id', 'integer', (column: ColumnDefinitionBuilder) =>
        column.primaryKey().autoIncrement(),
      ),
    epochMs: 'integer',
    supportsSkipLocked: false,
    createCustomerSearchIndex: createSqliteCustomerSearch,
    createConversationCountTriggers: createSqliteConversationCountTriggers,
    customerIdsMatching: (workspaceId, needle) =>
      [...needle].length >= 3
        ? sql`select customers.id from customers_search join customers on customers.rowid = customers_search.rowid
            where customers_search match ${`"${needle.replaceAll('"', '""')}"`} and customers.workspace_id = ${workspaceId}`
        : sql`select id from customers where workspace_id = ${workspaceId} and search_text like ${likeContains(needle)} escape '\\'`,
    unindexed: (column) => sql`+${sql.ref(column)}`,
  };
}

/** SQLite: an FTS5 trigram index kept in step with customers.search_text by triggers. */
async function createSqliteCustomerSearch(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table customers_search using fts5(search_text, content='customers', content_rowid='rowid', tokenize='trigram')`.execute(
    db,
  );
  await sql`create trigger customers_search_ai after insert on customers begin
    insert into customers_search(rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger customers_search_ad after delete on customers begin
    insert into customers_search(customers_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
  end`.execute(db);
  await sql`create trigger customers_search_au after update of search_text on customers begin
    insert into customers_search(customers_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
    insert into customers_search(rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
}

/** PostgreSQL: a pg_trgm GIN index on customers.search_text. */
async function createPostgresCustomerSearch(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index customers_search_trgm_idx on customers using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
}
