import pg from 'pg';
import { EVENTS_CHANNEL } from '../events/events.repo.ts';
import type { Logger } from '../platform/logger.ts';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/**
 * Holds one dedicated connection that LISTENs on the events channel and calls `onNotify` for
 * each notification (sent by `appendEvent` at commit, by any node). A dropped connection is
 * re-opened with backoff; the hub's safety poll covers the gap, and `onNotify` runs once after
 * each reconnect in case something was committed meanwhile.
 */
export class PgNotifyListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = RECONNECT_MIN_MS;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onNotify: () => void,
    private readonly logger: Logger,
  ) {}

  /** Connects and LISTENs; resolves once listening (or after the first failure, retrying later). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Stops listening and closes the connection, so it keeps nothing alive. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...this.config, application_name: 'charla-realtime' });
    client.on('notification', (message) => {
      if (message.channel === EVENTS_CHANNEL) this.onNotify();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryDelayMs = RECONNECT_MIN_MS;
    this.onNotify();
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.stopped || (this.client !== null && this.client !== client) || this.retryTimer) return;
    this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    this.logger.warn({ err: error }, 'realtime LISTEN connection lost; reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryDelayMs);
    this.retryTimer.unref();
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, RECONNECT_MAX_MS);
  }
}
