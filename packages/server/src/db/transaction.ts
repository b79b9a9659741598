import type { Kysely, Transaction } from 'kysely';
import type { Db } from './client.ts';
import { isUniqueViolation } from './dialect.ts';
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

/**
 * `inTransaction` for work that finds a row or else inserts it (a customer by phone, a tag by
 * name): when a concurrent request inserted the same row first, the insert hits a unique index
 * and the work runs again, finding that row this time.
 */
export async function inTransactionFindingRaces<T>(
  db: Db,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await inTransaction(db, work);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    }
  }
}

/**
 * Runs `work`; a unique violation becomes `duplicate()`, the same field error the code's own
 * look-up gives, for a name or number another request stored after that look-up.
 */
export async function refusingDuplicates<T>(duplicate: () => Error, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}
