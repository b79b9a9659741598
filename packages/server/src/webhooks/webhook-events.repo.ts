import type { DatabaseEngine } from '../db/client.ts';
import { dialectFor } from '../db/dialect.ts';
import type { WebhookEventTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type WebhookEventRow = WebhookEventTable;

/** Stores bodies as received; the caller answers 200 only after this resolves. */
export async function insertWebhookEvents(db: Executor, rows: WebhookEventRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('webhook_events').values(rows).execute();
}

/**
 * Claims pending events (and ones a processor of an earlier version left behind), oldest first,
 * or only the one with `onlyId`. Run inside the processing transaction: the claim commits with
 * the results, and vanishes with them if the processor dies (on PostgreSQL the row locks keep
 * other processors off meanwhile).
 */
export async function claimWebhookEvents(
  trx: Executor,
  engine: DatabaseEngine,
  claim: { now: number; limit: number; leaseMs: number; onlyId?: string },
): Promise<WebhookEventRow[]> {
  const { now, limit, leaseMs, onlyId } = claim;
  let due = trx
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
  if (onlyId !== undefined) due = due.where('id', '=', onlyId);
  if (dialectFor(engine).supportsSkipLocked) due = due.forUpdate().skipLocked();
  const rows = await trx
    .updateTable('webhook_events')
    .set((eb) => ({ status: 'processing', lease_until: now + leaseMs, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.received_at - b.received_at || a.id.localeCompare(b.id));
}

/** How processing one stored body ended: applied, or kept with its error for a replay. */
export interface WebhookOutcome {
  id: string;
  error: string | null;
}

/** Marks bodies processed (one statement for all that succeeded) or failed with their error. */
export async function finishWebhookEvents(db: Executor, outcomes: WebhookOutcome[], now: number) {
  const processed = outcomes.filter((outcome) => outcome.error === null).map((outcome) => outcome.id);
  if (processed.length > 0) {
    await db
      .updateTable('webhook_events')
      .set({ status: 'processed', error: null, lease_until: null, processed_at: now })
      .where('id', 'in', processed)
      .execute();
  }
  for (const outcome of outcomes) {
    if (outcome.error === null) continue;
    await db
      .updateTable('webhook_events')
      .set({ status: 'failed', error: outcome.error, lease_until: null, processed_at: now })
      .where('id', '=', outcome.id)
      .execute();
  }
}

/** Puts failed events (or the given ones) back in the queue; returns how many. */
export async function requeueWebhookEvents(db: Executor, ids: string[] | 'all-failed'): Promise<number> {
  let query = db.updateTable('webhook_events').set({ status: 'pending', error: null, lease_until: null });
  query = ids === 'all-failed' ? query.where('status', '=', 'failed') : query.where('id', 'in', ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
