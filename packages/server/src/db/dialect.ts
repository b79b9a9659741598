import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { DatabaseEngine } from './client.ts';

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
}

export function dialectFor(engine: DatabaseEngine): Dialect {
  if (engine === 'postgres') {
    return {
      engine,
      addSerialId: (table) => table.addColumn('id', 'bigserial', (column) => column.primaryKey()),
      epochMs: 'bigint',
      supportsSkipLocked: true,
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
  };
}
