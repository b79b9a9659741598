import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * A failed reminder keeps the error catalog code of its failure beside the English reason, so
 * each reader sees the reason in their own language.
 */
export function createReminderFailureCode(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('reminders').addColumn('failure_code', 'text').execute();
    },
  };
}
