import type {
  eventsResponseSchema,
  REALTIME_CLOSE_CODES,
  RealtimeEvent,
  SocketServerMessage,
} from '@charla/contracts';
import type { z } from 'zod';
import { EventCursor } from './event-cursor.ts';

/** `connecting`: first connection; `live`: streaming; `offline`: dropped, retrying with backoff. */
export type RealtimeStatus = 'connecting' | 'live' | 'offline';

export type EventsPage = z.output<typeof eventsResponseSchema>;

/** The part of the standard `WebSocket` the client uses (the browser's, or `ws` in tests). */
export interface RealtimeSocket {
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number }) => void): void;
  close(code?: number, reason?: string): void;
}

/** The contract's close codes, kept here as plain values so the bundle does not pull zod. */
const CLOSE_CODES = { resync: 4000, revoked: 4001 } as const satisfies typeof REALTIME_CLOSE_CODES;
/** Our own close when the client stops (tab signs out or unmounts). */
const CLOSE_NORMAL = 1000;

const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s … capped at 30 s, each scaled by 50–100 %. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() / 2));
}

export interface RealtimeClientOptions {
  /** Opens the socket, resuming after an event id when given (`?after=`). */
  openSocket: (after: number | null) => RealtimeSocket;
  /** `GET /api/v1/events?after=`: used when the server says the socket fell too far behind. */
  fetchEvents: (after: number) => Promise<EventsPage>;
  /** Each event, once, in log order. */
  onEvent: (event: RealtimeEvent) => void;
  onStatus: (status: RealtimeStatus) => void;
  /** The socket was refused or revoked: the session may be over, the app should check it. */
  onRefused: () => void;
  delay?: (attempt: number) => number;
}

function parseFrame(data: unknown): SocketServerMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const message: unknown = JSON.parse(data);
    if (typeof message !== 'object' || message === null || !('kind' in message)) return null;
    if (message.kind === 'hello' && 'lastId' in message && typeof message.lastId === 'number') {
      return { kind: 'hello', lastId: message.lastId };
    }
    if (message.kind === 'event' && 'event' in message && isEnvelope(message.event)) {
      return { kind: 'event', event: message.event };
    }
    return null;
  } catch {
    return null;
  }
}

/** The server validates every event against the contract before sending; this checks the frame. */
function isEnvelope(value: unknown): value is RealtimeEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'number' &&
    'type' in value &&
    typeof value.type === 'string'
  );
}

/**
 * One live connection to `/api/v1/realtime`. It reconnects with backoff after any drop and
 * resumes after the last event it applied (the socket's own catch-up, or `GET /events` paged
 * to the end when the server closes with `resync`), so a tab ends with every event exactly once.
 */
export class RealtimeClient {
  private readonly cursor = new EventCursor();
  private socket: RealtimeSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private stopped = true;
  private status: RealtimeStatus = 'connecting';

  constructor(private readonly options: RealtimeClientOptions) {}

  /** The last event id applied (or skipped past); null before the first `hello`. */
  get lastId(): number | null {
    return this.cursor.lastId;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    const socket = this.socket;
    this.socket = null;
    socket?.close(CLOSE_NORMAL, 'client stopped');
  }

  /** The network is back (browser `online`): retry now rather than after the backoff. */
  retryNow(): void {
    if (this.stopped || this.socket) return;
    this.clearTimer();
    this.connect();
  }

  private connect(): void {
    const socket = this.options.openSocket(this.cursor.lastId);
    this.socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
    });
    socket.addEventListener('message', (frame) => {
      if (this.socket === socket) this.handleFrame(frame.data);
    });
    socket.addEventListener('close', ({ code }) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.handleClose(code, opened);
    });
  }

  private handleFrame(data: unknown): void {
    const message = parseFrame(data);
    if (!message) return;
    switch (message.kind) {
      case 'hello':
        // On a fresh start the stream begins at the log's end; a resumed socket catches up
        // from our cursor itself, so its `hello` must not move the cursor past what we missed.
        if (this.cursor.lastId === null) this.cursor.advanceTo(message.lastId);
        this.attempt = 0;
        this.setStatus('live');
        return;
      case 'event':
        this.apply(message.event);
        return;
    }
  }

  private handleClose(code: number, opened: boolean): void {
    if (this.stopped) return;
    if (code === CLOSE_CODES.revoked) {
      this.stopped = true;
      this.setStatus('offline');
      this.options.onRefused();
      return;
    }
    this.setStatus(this.status === 'connecting' && !opened ? 'connecting' : 'offline');
    if (code === CLOSE_CODES.resync) {
      void this.resync();
      return;
    }
    // Refused before the upgrade (signed out, or the server is down): let the app check.
    if (!opened) this.options.onRefused();
    this.scheduleReconnect();
  }

  /** Reads the log over HTTP up to its end, then reconnects after the last id read. */
  private async resync(): Promise<void> {
    try {
      let after = this.cursor.lastId;
      while (after !== null && !this.stopped) {
        const page = await this.options.fetchEvents(after);
        if (this.stopped) return;
        for (const event of page.items) this.apply(event);
        this.cursor.advanceTo(page.lastId);
        after = page.hasMore ? this.cursor.lastId : null;
      }
      if (!this.stopped) this.connect();
    } catch {
      this.scheduleReconnect();
    }
  }

  private apply(event: RealtimeEvent): void {
    if (!this.cursor.accept(event)) return;
    try {
      this.options.onEvent(event);
    } catch (error) {
      // One failing subscriber must not stop the stream (or reorder it): report and go on.
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const wait = (this.options.delay ?? reconnectDelay)(this.attempt);
    this.attempt += 1;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.connect();
    }, wait);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setStatus(status: RealtimeStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.options.onStatus(status);
  }
}
