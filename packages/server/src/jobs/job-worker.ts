import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/logger.ts';
import { type ClaimedJob, claimDueJobs, completeJob, failJob } from './jobs.repo.ts';

/** Runs one type of job. Throw `PermanentJobError` to stop retrying; anything else retries. */
export interface JobHandler {
  type: string;
  run(job: ClaimedJob): Promise<void>;
}

/** A failure that retrying cannot fix (bad payload, a permanent provider error). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** A failure that asks to be retried no sooner than a given delay (e.g. a Retry-After). */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}

export interface JobWorkerOptions {
  leaseMs?: number;
  batchSize?: number;
  /** How long an idle worker waits before looking again (it is also woken on enqueue). */
  idlePollMs?: number;
  /** Backoff base and ceiling for retries. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
}

/** Exponential backoff with full jitter between half and all of the step. */
export function retryDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * Claims and runs due jobs from the `jobs` table. One per process; on PostgreSQL several
 * processes share the table safely. `drain()` runs everything due now, for tests and the CLI.
 */
export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private readonly options: Required<JobWorkerOptions>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
    handlers: JobHandler[],
    options: JobWorkerOptions = {},
  ) {
    for (const handler of handlers) this.handlers.set(handler.type, handler);
    this.options = {
      leaseMs: options.leaseMs ?? 60_000,
      batchSize: options.batchSize ?? 20,
      idlePollMs: options.idlePollMs ?? 500,
      backoffBaseMs: options.backoffBaseMs ?? 1_000,
      backoffMaxMs: options.backoffMaxMs ?? 5 * 60_000,
      random: options.random ?? Math.random,
    };
  }

  /** Adds a handler (domains register theirs when the app is built). */
  register(handler: JobHandler): void {
    this.handlers.set(handler.type, handler);
  }

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

  /** Tells an idle worker that a job was queued. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Runs due jobs until none is left; returns how many ran. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const ran = await this.runBatch();
      if (ran === 0) return total;
      total += ran;
    }
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      let ran = 0;
      try {
        ran = await this.runBatch();
      } catch (error) {
        this.logger.error({ err: error }, 'job batch failed');
      }
      if (ran === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.idlePollMs);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = null;
      }
    }
  }

  private async runBatch(): Promise<number> {
    const jobs = await claimDueJobs(this.db, {
      now: this.clock.now(),
      leaseMs: this.options.leaseMs,
      limit: this.options.batchSize,
      types: [...this.handlers.keys()],
    });
    await Promise.all(jobs.map((job) => this.runOne(job)));
    return jobs.length;
  }

  private async runOne(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.type);
    try {
      if (!handler) throw new PermanentJobError(`no handler for job type ${job.type}`);
      await handler.run(job);
      await completeJob(this.db.kysely, job.id, this.clock.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      const { backoffBaseMs, backoffMaxMs, random } = this.options;
      const delay =
        error instanceof RetryLaterError
          ? Math.max(error.delayMs, retryDelay(job.attempts, backoffBaseMs, backoffMaxMs, random))
          : retryDelay(job.attempts, backoffBaseMs, backoffMaxMs, random);
      const now = this.clock.now();
      await failJob(this.db.kysely, job.id, { error: message, retryAt: permanent ? null : now + delay }, now);
      this.logger.warn(
        { jobId: job.id, type: job.type, attempt: job.attempts, permanent, err: message },
        'job failed',
      );
    }
  }
}
