import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/logger.ts';
import { applyMetaEvent } from './apply-meta-event.ts';
import { parseMetaPayload } from './meta-payload.parser.ts';
import { claimWebhookEvents, finishWebhookEvent, type WebhookEventRow } from './webhook-events.repo.ts';

/**
 * How long a claimed batch stays with its processor. Short, because a processor that died (a
 * crash, a deploy) leaves its batch until then; safe, because applying a body twice changes
 * nothing (unique provider ids, forward-only states).
 */
export const WEBHOOK_LEASE_MS = 10_000;

/**
 * Processes stored webhook bodies in batches, oldest first: parse, then apply each event. A
 * body that fails keeps its error and stays replayable; one that succeeds is marked processed.
 * Woken after each store; also polls, so bodies left by a crash are picked up on restart.
 */
export class WebhookProcessor {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: { batchSize?: number; idlePollMs?: number; leaseMs?: number } = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
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
      this.woken = false;
      let handled = 0;
      try {
        handled = await this.processBatch();
      } catch (error) {
        this.logger.error({ err: error }, 'webhook batch failed');
      }
      if (handled === 0 && this.running && !this.woken) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.idlePollMs ?? 500);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = null;
      }
    }
  }

  private async processBatch(): Promise<number> {
    const rows = await claimWebhookEvents(
      this.db,
      this.clock.now(),
      this.options.batchSize ?? 100,
      this.options.leaseMs ?? WEBHOOK_LEASE_MS,
    );
    for (const row of rows) await this.processOne(row);
    return rows.length;
  }

  private async processOne(row: WebhookEventRow): Promise<void> {
    let error: string | null = null;
    try {
      const events = parseMetaPayload(JSON.parse(row.body));
      for (const event of events) {
        try {
          await applyMetaEvent(this.db, event, this.clock.now());
        } catch (eventError) {
          error = `${error ? `${error}; ` : ''}${eventError instanceof Error ? eventError.message : String(eventError)}`;
        }
      }
    } catch (parseError) {
      error = `malformed payload: ${parseError instanceof Error ? parseError.message : String(parseError)}`;
    }
    if (error) this.logger.warn({ webhookEventId: row.id, error }, 'webhook stored but not fully applied');
    await finishWebhookEvent(this.db.kysely, row.id, { error }, this.clock.now());
  }
}
