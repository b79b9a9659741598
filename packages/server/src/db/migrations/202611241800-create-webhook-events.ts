import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** Raw webhook bodies, stored before Meta gets its 200, then processed (and replayable). */
export function createWebhookEvents(dialect: Dialect) {
  const ms = dialect.epochMs;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('webhook_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('lease_until', ms)
        .addColumn('received_at', ms, (c) => c.notNull())
        .addColumn('processed_at', ms)
        .execute();
      await db.schema
        .createIndex('webhook_events_status_idx')
        .on('webhook_events')
        .columns(['status', 'received_at'])
        .execute();
    },
  };
}
