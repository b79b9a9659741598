import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import { inTransaction } from '../db/transaction.ts';
import { appendEvents, type NewEvent } from '../events/events.repo.ts';
import type { Clock } from '../platform/clock.ts';
import { applyMetaEvent, type EventBatch } from './apply-meta-event.ts';
import { parseMetaPayload } from './meta-payload.parser.ts';
import {
  claimWebhookEvents,
  finishWebhookEvents,
  type WebhookEventRow,
  type WebhookOutcome,
} from './webhook-events.repo.ts';

/** How much one transaction takes on. */
export interface BatchLimits {
  /** Bodies claimed per query. */
  claimSize: number;
  /** No further claim once the transaction has run this long (it holds SQLite's only writer). */
  budgetMs: number;
  /** Written with the claim, for rows a processor of an earlier version may have left behind. */
  leaseMs: number;
}

/** Attempts per event when a concurrent delivery stored the same customer or message first. */
const UNIQUE_RETRIES = 2;

const TRANSIENT_CODES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57P01', // admin_shutdown
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * An error that says nothing about the payload (the database is busy, deadlocked or gone): the
 * whole batch rolls back and is taken again later, rather than a body being marked failed.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (TRANSIENT_CODES.has(code) || code.startsWith('08')) return true;
  if (/^SQLITE_(BUSY|LOCKED|IOERR|FULL|NOMEM)/.test(code)) return true;
  return error instanceof Error && /Connection terminated/i.test(error.message);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A transaction's worth of bodies: its writer, the events it will append, the channels it saw. */
class BatchWork {
  readonly events: NewEvent[] = [];
  readonly batch: EventBatch;
  /** The last event's savepoint, left open after it succeeded (see openSavepoint). */
  private savepointOpen = false;

  constructor(trx: EventBatch['trx'], engine: Db['engine']) {
    this.batch = {
      trx,
      engine,
      channels: new Map(),
      deferEvent: (event) => this.events.push(event),
    };
  }

  /**
   * Applies one body, each event behind a savepoint: an event that fails is undone alone (with
   * the events it recorded) and named in the body's error; the rest of the body and batch stay.
   */
  async applyBody(row: WebhookEventRow, now: number): Promise<string | null> {
    let events: ReturnType<typeof parseMetaPayload>;
    try {
      events = parseMetaPayload(JSON.parse(row.body));
    } catch (error) {
      return `malformed payload: ${describe(error)}`;
    }
    const errors: string[] = [];
    for (const event of events) {
      const error = await this.applyIsolated(event, now);
      if (error) errors.push(error);
    }
    return errors.length > 0 ? errors.join('; ') : null;
  }

  private async applyIsolated(event: Parameters<typeof applyMetaEvent>[1], now: number) {
    const { trx } = this.batch;
    for (let attempt = 0; ; attempt += 1) {
      const recorded = this.events.length;
      await this.openSavepoint();
      try {
        await applyMetaEvent(this.batch, event, now);
        // Kept open: the next event's savepoint releases it in the same round trip.
        return null;
      } catch (error) {
        if (isTransientDatabaseError(error)) throw error;
        await sql`rollback to savepoint webhook_event`.execute(trx);
        await this.releaseSavepoint();
        this.events.length = recorded;
        // A concurrent delivery created the customer, conversation or message first; the retry
        // finds them.
        if (!isUniqueViolation(error) || attempt >= UNIQUE_RETRIES) return describe(error);
      }
    }
  }

  /**
   * Takes the savepoint an event runs behind, releasing the previous event's first. On
   * PostgreSQL both go in one round trip (a query without parameters may hold several
   * statements); SQLite's savepoints cost no round trip.
   */
  private async openSavepoint(): Promise<void> {
    const { trx, engine } = this.batch;
    if (this.savepointOpen && engine === 'postgres') {
      await sql`release savepoint webhook_event; savepoint webhook_event`.execute(trx);
    } else {
      await this.releaseSavepoint();
      await sql`savepoint webhook_event`.execute(trx);
    }
    this.savepointOpen = true;
  }

  private async releaseSavepoint(): Promise<void> {
    if (!this.savepointOpen) return;
    await sql`release savepoint webhook_event`.execute(this.batch.trx);
    this.savepointOpen = false;
  }

  /** Appends the collected events in order, then records each body's outcome. */
  async finish(outcomes: WebhookOutcome[], now: number): Promise<void> {
    await this.releaseSavepoint();
    await appendEvents(this.batch.trx, this.batch.engine, this.events);
    await finishWebhookEvents(this.batch.trx, outcomes, now);
  }
}

/**
 * Claims stored bodies and applies them in one transaction (one commit for the batch, not one per
 * message): claims `claimSize` at a time until the claim comes back short or `budgetMs` is spent,
 * then appends the events and marks the bodies, all before the commit. `claimed` receives every
 * claimed id as it goes, so a caller can retry them one by one if the batch fails as a whole.
 */
export async function processWebhookBatch(
  db: Db,
  clock: Clock,
  limits: BatchLimits,
  claimed: string[],
): Promise<WebhookOutcome[]> {
  return inTransaction(db, async (trx) => {
    const started = performance.now();
    const work = new BatchWork(trx, db.engine);
    const outcomes: WebhookOutcome[] = [];
    for (;;) {
      const rows = await claimWebhookEvents(trx, db.engine, {
        now: clock.now(),
        limit: limits.claimSize,
        leaseMs: limits.leaseMs,
      });
      for (const row of rows) {
        claimed.push(row.id);
        outcomes.push({ id: row.id, error: await work.applyBody(row, clock.now()) });
      }
      if (rows.length < limits.claimSize || performance.now() - started >= limits.budgetMs) break;
    }
    await work.finish(outcomes, clock.now());
    return outcomes;
  });
}

/**
 * Processes one body in its own transaction (the fallback after a failed batch). Resolves with
 * its outcome, or null when it is no longer pending (another processor took it).
 */
export async function processWebhookAlone(
  db: Db,
  clock: Clock,
  id: string,
  leaseMs: number,
): Promise<WebhookOutcome | null> {
  try {
    return await inTransaction(db, async (trx) => {
      const [row] = await claimWebhookEvents(trx, db.engine, {
        now: clock.now(),
        limit: 1,
        leaseMs,
        onlyId: id,
      });
      if (!row) return null;
      const work = new BatchWork(trx, db.engine);
      const outcome = { id, error: await work.applyBody(row, clock.now()) };
      await work.finish([outcome], clock.now());
      return outcome;
    });
  } catch (error) {
    if (isTransientDatabaseError(error)) throw error;
    // Even alone it cannot be stored: keep the body with the reason, replayable.
    const outcome = { id, error: `could not be applied: ${describe(error)}` };
    await finishWebhookEvents(db.kysely, [outcome], clock.now());
    return outcome;
  }
}
