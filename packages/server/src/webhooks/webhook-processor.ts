import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/logger.ts';
import {
  type BatchLimits,
  isTransientDatabaseError,
  processWebhookAlone,
  processWebhookBatch,
} from './webhook-batch.ts';

/**
 * The lease written with a claim. Claims now commit together with their results (a processor
 * that dies leaves its bodies pending, not claimed), so this only covers rows that a processor of
 * an earlier version left `processing`; applying a body twice changes nothing anyway (unique
 * provider ids, forward-only states).
 */
export const WEBHOOK_LEASE_MS = 10_000;

/** 25 bodies per claim, no new claim after 20 ms: SQLite's writer is never held for long. */
export const DEFAULT_BATCH_LIMITS: BatchLimits = { claimSize: 25, budgetMs: 20, leaseMs: WEBHOOK_LEASE_MS };

/**
 * Processes stored webhook bodies in batches, oldest first, one transaction per batch (see
 * webhook-batch.ts). A body that fails keeps its error and stays replayable; one that succeeds is
 * marked processed. If a batch fails as a whole, its bodies are retried one by one, so one poison
 * body cannot hold back the others. Woken after each store; also polls, so bodies left by a
 * crash are picked up on restart.
 */
export class WebhookProcessor {
  private running = false;
  private lanes: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();
  /** Bumped by every wake-up, so a lane that was busy when it came does not go to sleep. */
  private wakeUps = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: Partial<BatchLimits> & { idlePollMs?: number; lanes?: number } = {},
  ) {}

  /**
   * Starts the processing lanes (default one). More lanes run batches at once on PostgreSQL, but
   * an inbound message reads its conversation and then writes it (unread count, status, last
   * message): two lanes can lose one of those updates, so they stay off until that update locks
   * the row (statuses already compare-and-set).
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    const lanes = this.options.lanes ?? 1;
    this.lanes = Array.from({ length: lanes }, () => this.runLoop());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.lanes);
  }

  wake(): void {
    this.wakeUps += 1;
    for (const sleeper of this.sleepers) sleeper();
  }

  /** Processes everything stored so far; returns how many bodies it handled. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.processBatch();
      if (handled === 0) return total;
      total += handled;
    }
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      const seen = this.wakeUps;
      let handled = 0;
      try {
        handled = await this.processBatch();
      } catch (error) {
        this.logger.error({ err: error }, 'webhook batch failed');
      }
      if (handled === 0 && this.running && this.wakeUps === seen) {
        await new Promise<void>((resolve) => {
          const wakeUp = () => {
            clearTimeout(timer);
            this.sleepers.delete(wakeUp);
            resolve();
          };
          const timer = setTimeout(wakeUp, this.options.idlePollMs ?? 500);
          this.sleepers.add(wakeUp);
        });
      }
    }
  }

  private async processBatch(): Promise<number> {
    const limits = { ...DEFAULT_BATCH_LIMITS, ...this.options };
    const claimed: string[] = [];
    let outcomes: { id: string; error: string | null }[];
    try {
      outcomes = await processWebhookBatch(this.db, this.clock, limits, claimed);
    } catch (error) {
      if (isTransientDatabaseError(error) || claimed.length === 0) throw error;
      this.logger.warn(
        { err: error, bodies: claimed.length },
        'webhook batch failed; applying its bodies one by one',
      );
      outcomes = [];
      for (const id of claimed) {
        const outcome = await processWebhookAlone(this.db, this.clock, id, limits.leaseMs);
        if (outcome) outcomes.push(outcome);
      }
    }
    for (const { id, error } of outcomes) {
      if (error) this.logger.warn({ webhookEventId: id, error }, 'webhook stored but not fully applied');
    }
    return Math.max(outcomes.length, claimed.length);
  }
}
