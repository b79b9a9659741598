import type { Db } from '../db/client.ts';
import { dialectFor } from '../db/dialect.ts';
import type { WebhookEventTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type WebhookEventRow = WebhookEventTable;

/** Stores bodies as received; the caller answers 200 only after this resolves. */
export async function insertWebhookEvents(db: Executor, rows: WebhookEventRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('webhook_events').values(rows).execute();
}

/** Claims pending events (and ones whose processor died), oldest first. */
export async function claimWebhookEvents(
  db: Db,
  now: number,
  limit: number,
  leaseMs: number,
): Promise<WebhookEventRow[]> {
  let due = db.kysely
    .selectFrom('webhook_events')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('status', '=', 'pending'),
        eb.and([eb('status', '=', 'processing'), eb('lease_until', '<', now)]),
      ]),
    )
    .orderBy('received_at')
    .limit(limit);
  if (dialectFor(db.engine).supportsSkipLocked) due = due.forUpdate().skipLocked();
  const rows = await db.kysely
    .updateTable('webhook_events')
    .set((eb) => ({ status: 'processing', lease_until: now + leaseMs, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.received_at - b.received_at || a.id.localeCompare(b.id));
}

export async function finishWebhookEvent(
  db: Executor,
  id: string,
  outcome: { error: string | null },
  now: number,
) {
  await db
    .updateTable('webhook_events')
    .set({
      status: outcome.error === null ? 'processed' : 'failed',
      error: outcome.error,
      lease_until: null,
      processed_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Puts failed events (or the given ones) back in the queue; returns how many. */
export async function requeueWebhookEvents(db: Executor, ids: string[] | 'all-failed'): Promise<number> {
  let query = db.updateTable('webhook_events').set({ status: 'pending', error: null, lease_until: null });
  query = ids === 'all-failed' ? query.where('status', '=', 'failed') : query.where('id', 'in', ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
