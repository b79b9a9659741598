import { z } from 'zod';
import type { IdleTracker } from '../platform/idle-tracker.ts';
import type { LogSink } from '../platform/json-log.ts';
import type { RandomSource } from '../platform/random.ts';
import type { TimerScope } from '../platform/timer-scope.ts';
import type { WebhookEnvelope } from './webhook-envelope.ts';
import { legacySignatureHeader, serializeWebhook, signatureHeader } from './webhook-signer.ts';

/** Changes to webhook delivery, including the webhook-side faults (copies, shuffle, concurrency). */
export const webhookSettingsPatchSchema = z.object({
  url: z.url().nullable().optional(),
  encoding: z.enum(['utf8', 'meta-escaped']).optional(),
  /** Each webhook is POSTed a random number of times in [min, max] (Meta redelivers). */
  copies: z
    .object({ min: z.number().int().min(1).max(10), max: z.number().int().min(1).max(10) })
    .refine((c) => c.min <= c.max, 'copies.min must not exceed copies.max')
    .optional(),
  /** Hold webhooks for `shuffleWindowMs` and release them in random order. */
  shuffle: z.boolean().optional(),
  shuffleWindowMs: z.number().int().min(0).max(60_000).optional(),
  /** How many POSTs may be in flight at once. */
  concurrency: z.number().int().min(1).max(1000).optional(),
  /** Extra wait before each POST. */
  delayMs: z.number().int().min(0).max(120_000).optional(),
  /** Redelivery of non-200 answers with exponential backoff, like Meta. */
  retry: z
    .object({
      attempts: z.number().int().min(1).max(50),
      baseDelayMs: z.number().int().min(0),
      maxDelayMs: z.number().int().min(0),
    })
    .optional(),
  timeoutMs: z.number().int().min(1).max(120_000).optional(),
});

/** A patch of webhook settings. */
export type WebhookSettingsPatch = z.input<typeof webhookSettingsPatchSchema>;

/** How webhooks are delivered. */
export interface WebhookSettings {
  url: string | null;
  encoding: 'utf8' | 'meta-escaped';
  copies: { min: number; max: number };
  shuffle: boolean;
  shuffleWindowMs: number;
  concurrency: number;
  delayMs: number;
  retry: { attempts: number; baseDelayMs: number; maxDelayMs: number };
  timeoutMs: number;
}

/** Defaults: one copy, in order, 8 in flight, 5 attempts from 250 ms backoff. */
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  url: null,
  encoding: 'utf8',
  copies: { min: 1, max: 1 },
  shuffle: false,
  shuffleWindowMs: 20,
  concurrency: 8,
  delayMs: 0,
  retry: { attempts: 5, baseDelayMs: 250, maxDelayMs: 30_000 },
  timeoutMs: 20_000,
};

/** The outcome of one webhook (all its copies and retries). */
export interface WebhookDelivery {
  id: number;
  /** What the webhook carries, e.g. `whatsapp.message.text` or `whatsapp.status.read`. */
  label: string;
  body: string;
  copies: number;
  attempts: number;
  /** HTTP statuses received, in order (0 = network error or timeout). */
  responses: number[];
  status: 'pending' | 'delivered' | 'failed' | 'skipped';
  createdAt: number;
  settledAt?: number;
}

interface Job {
  delivery: WebhookDelivery;
  url: string;
  bytes: Buffer;
  headers: Record<string, string>;
  attempt: number;
  done: (ok: boolean) => void;
}

interface SenderDeps {
  random: RandomSource;
  timers: TimerScope;
  tracker: IdleTracker;
  log: LogSink;
  clock: () => number;
}

/** Signs and POSTs webhooks to Charla, applying the configured webhook-side faults. */
export class WebhookSender {
  private settings: WebhookSettings;
  private readonly queue: Job[] = [];
  private readonly shuffleBuffer: Job[] = [];
  private readonly live = new Set<Job>();
  private shuffleTimerArmed = false;
  private active = 0;
  private nextId = 1;
  private history: WebhookDelivery[] = [];
  private readonly closing = new AbortController();

  constructor(
    settings: WebhookSettings,
    private readonly deps: SenderDeps,
  ) {
    this.settings = structuredClone(settings);
  }

  /** The current settings. */
  get current(): WebhookSettings {
    return structuredClone(this.settings);
  }

  /** Applies a validated patch. */
  configure(patch: WebhookSettingsPatch): WebhookSettings {
    const p = webhookSettingsPatchSchema.parse(patch);
    const s = this.settings;
    this.settings = {
      url: p.url === undefined ? s.url : p.url,
      encoding: p.encoding ?? s.encoding,
      copies: p.copies ?? s.copies,
      shuffle: p.shuffle ?? s.shuffle,
      shuffleWindowMs: p.shuffleWindowMs ?? s.shuffleWindowMs,
      concurrency: p.concurrency ?? s.concurrency,
      delayMs: p.delayMs ?? s.delayMs,
      retry: p.retry ?? s.retry,
      timeoutMs: p.timeoutMs ?? s.timeoutMs,
    };
    this.pump();
    return this.current;
  }

  /** Recent deliveries, newest last (at most 1,000 are kept). */
  recent(): WebhookDelivery[] {
    return [...this.history];
  }

  /** Forgets the delivery history. */
  reset(): void {
    this.history = [];
  }

  /** Signs and sends a body; resolves when every copy has been answered or has given up. */
  deliver(envelope: WebhookEnvelope, appSecret: string, label: string): Promise<WebhookDelivery> {
    const bytes = serializeWebhook(envelope, this.settings.encoding);
    const delivery: WebhookDelivery = {
      id: this.nextId++,
      label,
      body: bytes.toString('utf8'),
      copies: 0,
      attempts: 0,
      responses: [],
      status: 'pending',
      createdAt: this.deps.clock(),
    };
    this.history.push(delivery);
    if (this.history.length > 1000) this.history.shift();
    const url = this.settings.url;
    if (!url || this.deps.timers.isClosed) {
      delivery.status = 'skipped';
      delivery.settledAt = this.deps.clock();
      return Promise.resolve(delivery);
    }
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'facebookexternalua',
      'x-hub-signature': legacySignatureHeader(bytes, appSecret),
      'x-hub-signature-256': signatureHeader(bytes, appSecret),
    };
    delivery.copies = this.deps.random.int(this.settings.copies.min, this.settings.copies.max);
    const copies = Array.from(
      { length: delivery.copies },
      () => new Promise<boolean>((done) => this.enqueue({ delivery, url, bytes, headers, attempt: 0, done })),
    );
    const settled = Promise.all(copies).then((results) => {
      delivery.status = results.some(Boolean) ? 'delivered' : 'failed';
      delivery.settledAt = this.deps.clock();
      return delivery;
    });
    return this.deps.tracker.track(settled);
  }

  /** Performs Meta's GET verification handshake against the webhook URL. */
  async verifyEndpoint(verifyToken: string): Promise<{ status: number; body: string; verified: boolean }> {
    if (!this.settings.url) throw new Error('No webhook URL is configured');
    const challenge = String(this.deps.random.int(100_000_000, 2_000_000_000));
    const url = new URL(this.settings.url);
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.challenge', challenge);
    url.searchParams.set('hub.verify_token', verifyToken);
    const res = await fetch(url, { signal: AbortSignal.timeout(this.settings.timeoutMs) });
    const body = await res.text();
    return { status: res.status, body, verified: res.status === 200 && body === challenge };
  }

  /** Stops sending; pending webhooks settle as failed. */
  close(): void {
    this.closing.abort();
    for (const job of [...this.live]) this.finish(job, false);
    this.queue.length = 0;
    this.shuffleBuffer.length = 0;
  }

  private enqueue(job: Job): void {
    this.live.add(job);
    if (this.settings.shuffle && job.attempt === 0) {
      this.shuffleBuffer.push(job);
      if (!this.shuffleTimerArmed) {
        this.shuffleTimerArmed = true;
        this.deps.timers.later(() => this.releaseShuffled(), this.settings.shuffleWindowMs);
      }
      return;
    }
    this.queue.push(job);
    this.pump();
  }

  private releaseShuffled(): void {
    this.shuffleTimerArmed = false;
    const held = this.deps.random.shuffle(this.shuffleBuffer.splice(0));
    this.queue.push(...held);
    this.pump();
  }

  private pump(): void {
    while (this.active < this.settings.concurrency && this.queue.length > 0) {
      const job = this.queue.shift();
      if (!job) break;
      this.active++;
      void this.post(job).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  private async post(job: Job): Promise<void> {
    await this.deps.timers.wait(this.settings.delayMs);
    if (this.closing.signal.aborted) return this.finish(job, false);
    job.attempt++;
    job.delivery.attempts++;
    const started = this.deps.clock();
    let status = 0;
    try {
      const res = await fetch(job.url, {
        method: 'POST',
        headers: job.headers,
        body: new Uint8Array(job.bytes),
        redirect: 'manual',
        signal: AbortSignal.any([this.closing.signal, AbortSignal.timeout(this.settings.timeoutMs)]),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = 0;
    }
    job.delivery.responses.push(status);
    this.deps.log({
      event: 'webhook',
      id: job.delivery.id,
      label: job.delivery.label,
      attempt: job.attempt,
      status,
      ms: this.deps.clock() - started,
    });
    // Meta counts anything but 200 as a failure (reference §1.6).
    if (status === 200) return this.finish(job, true);
    const { attempts, baseDelayMs, maxDelayMs } = this.settings.retry;
    if (job.attempt >= attempts || this.closing.signal.aborted) return this.finish(job, false);
    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (job.attempt - 1));
    this.deps.timers.later(() => {
      this.queue.push(job);
      this.pump();
    }, backoff);
    if (this.deps.timers.isClosed) this.finish(job, false);
  }

  private finish(job: Job, ok: boolean): void {
    if (!this.live.delete(job)) return;
    job.done(ok);
  }
}
