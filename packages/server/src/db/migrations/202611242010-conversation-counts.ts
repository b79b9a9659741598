import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Counters behind the inbox counts (ADR 0007): how many conversations, and how many unread,
 * per workspace, channel, owner ('' for unassigned, so it can be part of the key) and status.
 * Triggers keep them exact from here on; this fills them from the rows already there.
 */
export function createConversationCounts(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('conversation_counts')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .addColumn('owner_member_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('unread', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('conversation_counts_pk', [
          'workspace_id',
          'channel_id',
          'owner_member_id',
          'status',
        ])
        .execute();
      // Triggers first: on PostgreSQL creating them locks out concurrent conversation writes
      // until this migration commits, so no change can slip between the fill and the triggers.
      await dialect.createConversationCountTriggers(db);
      await fillConversationCounts(db);
    },
  };
}

/** Counts the conversations already there into the (empty) counters. */
export async function fillConversationCounts<Schema>(db: Kysely<Schema>): Promise<void> {
  await sql`insert into conversation_counts (workspace_id, channel_id, owner_member_id, status, total, unread)
    select workspace_id, channel_id, coalesce(owner_member_id, ''), status, count(*),
      sum(case when unread_count > 0 then 1 else 0 end)
    from conversations
    group by workspace_id, channel_id, coalesce(owner_member_id, ''), status`.execute(db);
}
