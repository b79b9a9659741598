import { type Selectable, sql } from 'kysely';
import type { DatabaseEngine } from '../db/client.ts';
import type { EventTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

/** A stored event as readers see it. */
export interface StoredEvent {
  id: number;
  workspaceId: string;
  type: string;
  conversationId: string | null;
  ownerMemberId: string | null;
  previousOwnerMemberId: string | null;
  payload: unknown;
  createdAt: number;
}

/** The PostgreSQL NOTIFY channel that announces new events. */
export const EVENTS_CHANNEL = 'charla_events';

/** An event to record with a change. */
export interface NewEvent {
  workspaceId: string;
  type: string;
  /** The conversation it is about: only members who may see it receive it. */
  conversationId?: string | null;
  /** The conversation's owner after the change (null: unassigned). */
  ownerMemberId?: string | null;
  /** The owner before an assignment change; they get a removal if they can no longer see it. */
  previousOwnerMemberId?: string | null;
  payload: unknown;
  createdAt: number;
}

/** Arbitrary key that serialises event writers on PostgreSQL (see appendEvents). */
const EVENT_ORDER_LOCK = 7_305_011;

/** Rows per insert: 7 parameters each stays far below SQLite's and PostgreSQL's limits. */
const EVENTS_PER_INSERT = 500;

/** Appends one event in the caller's transaction (see appendEvents); resolves with its id. */
export async function appendEvent(trx: Executor, engine: DatabaseEngine, event: NewEvent): Promise<number> {
  const [id] = await appendEvents(trx, engine, [event]);
  return id as number;
}

/**
 * Appends events in the caller's transaction, in the given order, with multi-row inserts;
 * resolves with their ids in the same order. On PostgreSQL a transaction-scoped advisory lock,
 * taken before the inserts, makes event ids commit in id order, so a reader resuming
 * `after=<id>` can never skip an event whose transaction committed late (SQLite has a single
 * writer and needs nothing). The lock and the NOTIFY go in one round trip: the NOTIFY is only
 * delivered at commit, so its place in the statement does not matter.
 */
export async function appendEvents(
  trx: Executor,
  engine: DatabaseEngine,
  events: readonly NewEvent[],
): Promise<number[]> {
  if (events.length === 0) return [];
  if (engine === 'postgres') {
    // Delivered at commit to every node LISTENing, so their realtime hubs wake up.
    await sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK}), pg_notify(${EVENTS_CHANNEL}, '')`.execute(
      trx,
    );
  }
  const ids: number[] = [];
  for (let start = 0; start < events.length; start += EVENTS_PER_INSERT) {
    const rows = await trx
      .insertInto('events')
      .values(
        events.slice(start, start + EVENTS_PER_INSERT).map((event) => ({
          workspace_id: event.workspaceId,
          type: event.type,
          conversation_id: event.conversationId ?? null,
          owner_member_id: event.ownerMemberId ?? null,
          previous_owner_member_id: event.previousOwnerMemberId ?? null,
          payload: JSON.stringify(event.payload),
          created_at: event.createdAt,
        })),
      )
      .returning('id')
      .execute();
    // Both engines hand out ids in the order of the VALUES rows; sorting does not rely on the
    // order RETURNING lists them in.
    ids.push(...rows.map((row) => row.id).sort((a, b) => a - b));
  }
  return ids;
}

type EventRecord = Selectable<EventTable>;

function toStoredEvent(row: EventRecord): StoredEvent {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    type: row.type,
    conversationId: row.conversation_id,
    ownerMemberId: row.owner_member_id,
    previousOwnerMemberId: row.previous_owner_member_id,
    payload: JSON.parse(row.payload),
    createdAt: row.created_at,
  };
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
  return rows.map(toStoredEvent);
}

/** Events of every workspace after an id, oldest first: the realtime hub's one reader. */
export async function listAllEventsAfter(
  db: Executor,
  afterId: number,
  limit: number,
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
  return rows.map(toStoredEvent);
}

/** The highest event id stored so far (0 when the log is empty). */
export async function latestEventId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return row?.id == null ? 0 : Number(row.id);
}
