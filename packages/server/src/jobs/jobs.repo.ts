import type { Db } from '../db/client.ts';
import { dialectFor } from '../db/dialect.ts';
import type { Executor } from '../db/transaction.ts';
import { newId } from '../platform/ids.ts';

/** A job as a handler receives it. */
export interface ClaimedJob {
  id: string;
  workspaceId: string | null;
  type: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

export interface NewJob {
  type: string;
  payload: unknown;
  workspaceId?: string | null;
  runAt: number;
  maxAttempts?: number;
  /** Jobs with the same key are queued once; a second enqueue is ignored. */
  idempotencyKey?: string | null;
}

/** Queues a job in the caller's transaction. Returns false when the idempotency key was taken. */
export async function enqueueJob(trx: Executor, job: NewJob, now: number): Promise<boolean> {
  const result = await trx
    .insertInto('jobs')
    .values({
      id: newId(),
      workspace_id: job.workspaceId ?? null,
      type: job.type,
      payload: JSON.stringify(job.payload),
      status: 'queued',
      run_at: job.runAt,
      attempts: 0,
      max_attempts: job.maxAttempts ?? 8,
      lease_until: null,
      idempotency_key: job.idempotencyKey ?? null,
      last_error: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Claims due jobs: queued ones whose time has come, and running ones whose lease expired (their
 * worker died). On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several nodes claim without
 * blocking each other or taking the same job; SQLite's single writer makes the statement atomic.
 */
export async function claimDueJobs(
  db: Db,
  options: { now: number; leaseMs: number; limit: number; types: readonly string[] },
): Promise<ClaimedJob[]> {
  if (options.types.length === 0) return [];
  const { now } = options;
  const kysely = db.kysely;
  let due = kysely
    .selectFrom('jobs')
    .select('id')
    .where('type', 'in', options.types)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)]),
      ]),
    )
    .orderBy('run_at')
    .limit(options.limit);
  if (dialectFor(db.engine).supportsSkipLocked) due = due.forUpdate().skipLocked();
  const rows = await kysely
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      lease_until: now + options.leaseMs,
      attempts: eb('attempts', '+', 1),
      updated_at: now,
    }))
    .where('id', 'in', due)
    .returning(['id', 'workspace_id', 'type', 'payload', 'attempts', 'max_attempts'])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    workspaceId: row.workspace_id,
    type: row.type,
    payload: JSON.parse(row.payload),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  }));
}

/** Marks a claimed job done. */
export async function completeJob(db: Executor, id: string, now: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', lease_until: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Puts a job back in the queue for a later attempt, or marks it failed for good. */
export async function failJob(
  db: Executor,
  id: string,
  outcome: { error: string; retryAt: number | null },
  now: number,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: outcome.retryAt === null ? 'failed' : 'queued',
      run_at: outcome.retryAt ?? now,
      lease_until: null,
      last_error: outcome.error.slice(0, 2000),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}
