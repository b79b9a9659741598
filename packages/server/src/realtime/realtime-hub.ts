import { REALTIME_CLOSE_CODES } from '@charla/contracts';
import type { WebSocket } from 'ws';
import type { Db } from '../db/client.ts';
import {
  latestEventId,
  listAllEventsAfter,
  listEventsAfter,
  type StoredEvent,
} from '../events/events.repo.ts';
import type { Logger } from '../platform/logger.ts';
import { findMember } from '../workspaces/workspaces.repo.ts';
import { PgNotifyListener } from './pg-notify-listener.ts';
import { deliveryFor, type Viewer } from './realtime.policy.ts';
import { isClientEventType, presentStoredEvent, WireEvent } from './realtime.presenter.ts';
import { type ConnectionLimits, RealtimeConnection } from './realtime-connection.ts';

/** Resolves on the event loop's next turn, after pending I/O callbacks. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Tunables of the hub; the defaults suit production, tests shrink some of them. */
export interface RealtimeHubOptions extends ConnectionLimits {
  /** Safety poll in case a wake-up was missed (another process on SQLite, a lost NOTIFY). */
  pollIntervalMs: number;
  /** Events read per query, by the hub and by each socket's catch-up. */
  batchSize: number;
  /** Pings every socket this often; one that missed the previous pong is dropped. */
  heartbeatIntervalMs: number;
}

/** Defaults: 1 s poll, 500-event batches, 30 s heartbeat, 4 MiB or 5,000 frames behind at most. */
export const DEFAULT_HUB_OPTIONS: RealtimeHubOptions = {
  pollIntervalMs: 1_000,
  batchSize: 500,
  heartbeatIntervalMs: 30_000,
  maxBufferedBytes: 4 * 1024 * 1024,
  maxPendingFrames: 5_000,
};

/** The member a socket belongs to, as authenticated when it connected. */
export interface SocketOwner extends Viewer {
  workspaceId: string;
}

/**
 * The one reader of the event log in this process. It wakes on local commits, on PostgreSQL
 * NOTIFY (commits of other nodes) and on a safety poll; coalesces the wake-ups; reads new events
 * of every workspace once, in batches; and fans each one out to that workspace's sockets,
 * filtered per member and serialised once per variant. No query runs per socket on this path.
 */
export class RealtimeHub {
  private readonly options: RealtimeHubOptions;
  private readonly audiences = new Map<string, Set<RealtimeConnection>>();
  /** Every event up to here was fanned out; later ones will be, to every attached socket. */
  private position = 0;
  private wanted = false;
  private reading: Promise<void> | null = null;
  private stopped = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => void) | null = null;
  private listener: PgNotifyListener | null = null;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    options: Partial<RealtimeHubOptions> = {},
  ) {
    this.options = { ...DEFAULT_HUB_OPTIONS, ...options };
  }

  /** Starts from the end of the log: sockets ask for older events with `after`. */
  async start(): Promise<void> {
    this.position = await latestEventId(this.db.kysely);
    this.unsubscribe = this.db.commits.subscribe(this.wake);
    if (this.db.pool) {
      this.listener = new PgNotifyListener(this.db.pool.options, this.wake, this.logger);
      await this.listener.start();
    }
    this.every(this.options.pollIntervalMs, this.wake);
    this.every(this.options.heartbeatIntervalMs, () => {
      for (const audience of this.audiences.values()) for (const socket of audience) socket.checkAlive();
    });
  }

  /** Closes every socket and stops reading; nothing of the hub keeps the process alive after. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.unsubscribe?.();
    await this.listener?.stop();
    await this.reading;
    for (const audience of this.audiences.values()) {
      for (const socket of audience) socket.close(1001, 'server shutting down');
    }
    this.audiences.clear();
  }

  /** Every event up to this id was fanned out (for tests and metrics). */
  get lastEventId(): number {
    return this.position;
  }

  /** Sockets currently attached (for tests and metrics). */
  get connectionCount(): number {
    let count = 0;
    for (const audience of this.audiences.values()) count += audience.size;
    return count;
  }

  /**
   * Serves one socket: `hello`, then (with `after`) every visible event after it from the table,
   * then live events, each exactly once and in order.
   */
  async attach(socket: WebSocket, owner: SocketOwner, after: number | null): Promise<void> {
    const { workspaceId, memberId, role, assignedOnly } = owner;
    const connection = new RealtimeConnection(
      socket,
      workspaceId,
      { memberId, role, assignedOnly },
      this.options,
    );
    if (this.stopped) {
      connection.close(1001, 'server shutting down');
      return;
    }
    const audience = this.audiences.get(workspaceId) ?? new Set<RealtimeConnection>();
    this.audiences.set(workspaceId, audience);
    audience.add(connection);
    socket.on('close', () => {
      connection.markClosed();
      audience.delete(connection);
      if (audience.size === 0 && this.audiences.get(workspaceId) === audience)
        this.audiences.delete(workspaceId);
    });

    // Registered and read in the same tick: everything after `upTo` reaches this socket live.
    const upTo = this.position;
    connection.hello(Math.max(upTo, after ?? 0));
    if (after === null || after >= upTo) {
      connection.goLive(after ?? upTo);
      return;
    }
    connection.startAfter(after);
    await this.catchUp(connection, after, upTo);
  }

  /** Asks for a read soon; many calls before it starts make one read. */
  readonly wake = (): void => {
    if (this.stopped) return;
    this.wanted = true;
    if (this.reading) return;
    this.reading = this.drain().finally(() => {
      this.reading = null;
      if (this.wanted) this.wake();
    });
  };

  private async catchUp(connection: RealtimeConnection, after: number, upTo: number): Promise<void> {
    const pageSize = this.options.batchSize;
    let cursor = after;
    for (;;) {
      const page = await listEventsAfter(this.db.kysely, connection.workspaceId, cursor, pageSize);
      if (connection.closed) return;
      for (const stored of page) {
        const event = this.present(stored);
        const frame =
          event &&
          new WireEvent(event, stored.conversationId).frameFor(deliveryFor(connection.viewer, stored));
        connection.deliverCatchUp(stored.id, frame);
        cursor = stored.id;
      }
      await connection.written();
      // On SQLite every await above resolves without I/O: yield so a long catch-up cannot
      // starve the other sockets (and the live stream keeps landing in `pending`).
      await nextTurn();
      if (connection.closed) return;
      // A short page read after attaching holds every event up to `upTo`; later ones are pending.
      if (page.length < pageSize || cursor >= upTo) break;
    }
    connection.goLive(cursor);
  }

  private async drain(): Promise<void> {
    while (this.wanted && !this.stopped) {
      // Let the commits of this turn land first, so a burst makes one read.
      await nextTurn();
      this.wanted = false;
      try {
        await this.readToEnd();
      } catch (error) {
        if (!this.stopped) this.logger.error({ err: error }, 'realtime hub could not read events');
        return;
      }
    }
  }

  /** Reads and fans out batches until one comes back short: the log's end as of that read. */
  private async readToEnd(): Promise<void> {
    for (;;) {
      const batch = await listAllEventsAfter(this.db.kysely, this.position, this.options.batchSize);
      if (this.stopped) return;
      await this.refreshViewers(batch);
      this.fanOut(batch);
      if (batch.length < this.options.batchSize) return;
      await nextTurn();
    }
  }

  /** Must run synchronously from the first event to `position`, so attaching sockets see no gap. */
  private fanOut(batch: StoredEvent[]): void {
    // Each socket gets the whole batch in one write rather than one write per frame.
    const corked = new Set<RealtimeConnection>();
    try {
      for (const stored of batch) {
        const audience = this.audiences.get(stored.workspaceId);
        if (!audience) continue;
        const event = this.present(stored);
        if (!event) continue;
        const wire = new WireEvent(event, stored.conversationId);
        for (const connection of audience) {
          const frame = wire.frameFor(deliveryFor(connection.viewer, stored));
          if (frame === null) continue;
          if (!corked.has(connection)) {
            connection.cork();
            corked.add(connection);
          }
          connection.deliver(stored.id, frame);
        }
      }
    } finally {
      for (const connection of corked) connection.uncork();
    }
    const last = batch.at(-1);
    if (last) this.position = last.id;
  }

  /**
   * A member edited by an admin is filtered by their new role from this batch on: their row is
   * re-read (rare; only for members with a socket here). Deactivated members are disconnected.
   */
  private async refreshViewers(batch: StoredEvent[]): Promise<void> {
    for (const stored of batch) {
      if (stored.type !== 'member.updated') continue;
      const event = this.present(stored);
      if (event?.type !== 'member.updated') continue;
      const affected = [...(this.audiences.get(stored.workspaceId) ?? [])].filter(
        (connection) => connection.viewer.memberId === event.member.id,
      );
      if (affected.length === 0) continue;
      const member = await findMember(this.db.kysely, stored.workspaceId, event.member.id);
      for (const connection of affected) {
        if (member?.active !== 1) {
          connection.close(REALTIME_CLOSE_CODES.revoked, 'member deactivated');
          continue;
        }
        connection.viewer = {
          memberId: member.id,
          role: member.role,
          assignedOnly: member.assigned_only === 1,
        };
      }
    }
  }

  private present(stored: StoredEvent) {
    const event = presentStoredEvent(stored);
    if (!event && isClientEventType(stored.type)) {
      this.logger.warn(
        { eventId: stored.id, type: stored.type },
        'stored event does not match the contract; not sent',
      );
    }
    return event;
  }

  private every(ms: number, run: () => void): void {
    const timer = setInterval(run, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
