import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * An orders import now checks its lines in the worker, showing the lines checked of the file's
 * lines (`processed` of `total`), then stores its orders in one transaction: `orders` is how
 * many orders the file holds, known once every line is checked.
 */
export function createOrderImportPhases(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('order_imports')
        .addColumn('orders', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
