import { sql } from 'kysely';
import type { DatabaseEngine } from '../db/client.ts';
import type { Executor } from '../db/transaction.ts';

/** A stored event as readers see it. */
export interface StoredEvent {
  id: number;
  workspaceId: string;
  type: string;
  conversationId: string | null;
  payload: unknown;
  createdAt: number;
}

/** Arbitrary key that serialises event writers on PostgreSQL (see appendEvent). */
const EVENT_ORDER_LOCK = 7_305_011;

/**
 * Appends an event in the caller's transaction. On PostgreSQL a transaction-scoped advisory
 * lock makes event ids commit in id order, so a reader resuming `after=<id>` can never skip an
 * event whose transaction committed late (SQLite has a single writer and needs nothing).
 */
export async function appendEvent(
  trx: Executor,
  engine: DatabaseEngine,
  event: {
    workspaceId: string;
    type: string;
    conversationId?: string | null;
    payload: unknown;
    createdAt: number;
  },
): Promise<number> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`.execute(trx);
  const row = await trx
    .insertInto('events')
    .values({
      workspace_id: event.workspaceId,
      type: event.type,
      conversation_id: event.conversationId ?? null,
      payload: JSON.stringify(event.payload),
      created_at: event.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Events of a workspace after an id, oldest first. */
export async function listEventsAfter(
  db: Executor,
  workspaceId: string,
  afterId: number,
  limit: number,
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '>', afterId)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    workspaceId: row.workspace_id,
    type: row.type,
    conversationId: row.conversation_id,
    payload: JSON.parse(row.payload),
    createdAt: row.created_at,
  }));
}
