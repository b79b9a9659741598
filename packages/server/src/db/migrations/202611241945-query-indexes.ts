import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Indexes for the inbox list and its counts at 100k conversations (docs/benchmarks/query.md).
 *
 * The list walks `(workspace_id, last_activity_at, id)` in order and drops rows that fail the
 * filters. With status, owner, channel, unread and customer in the index too, those checks never
 * read the table row: the "to resolve", agent, unread, tag and search pages become index-only.
 * It replaces the narrow list index, so a conversation update touches no more indexes than before.
 *
 * The counts group by (status, channel) over the whole workspace: an index in that order with
 * the owner and unread columns makes it one index-only pass with no sort.
 */
export function createQueryIndexes(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('conversations_list_idx').execute();
      await db.schema
        .createIndex('conversations_list_idx')
        .on('conversations')
        .columns([
          'workspace_id',
          'last_activity_at',
          'id',
          'status',
          'owner_member_id',
          'channel_id',
          'unread_count',
          'customer_id',
        ])
        .execute();
      await db.schema
        .createIndex('conversations_counts_idx')
        .on('conversations')
        .columns(['workspace_id', 'status', 'channel_id', 'owner_member_id', 'unread_count'])
        .execute();
    },
  };
}
