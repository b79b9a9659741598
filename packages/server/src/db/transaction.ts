import type { Kysely, Transaction } from 'kysely';
import type { Db } from './client.ts';
import type { Database } from './schema.ts';

/** A query executor: the database itself or an open transaction. Repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Runs `work` in one transaction. Commands write their rows and their event in here, so either
 * both are stored or neither is.
 */
export async function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const result = await db.kysely.transaction().execute(work);
  db.commits.emit();
  return result;
}
