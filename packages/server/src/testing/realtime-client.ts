import { type RealtimeEvent, type SocketServerMessage, socketServerMessageSchema } from '@charla/contracts';
import WebSocket from 'ws';

/** How a test socket presents itself. */
export interface RealtimeClientOptions {
  /** `charla_session=…`, as a browser would send it. */
  cookie?: string;
  /** An API key, sent as `Authorization: Bearer`. */
  bearer?: string;
  origin?: string;
  after?: number;
  /** False: never answer pings (a dead peer, for heartbeat tests). */
  autoPong?: boolean;
  /** Path of the socket; the app's is the default. */
  path?: string;
}

/** Waits longer than any healthy delivery takes here, short enough to fail a test quickly. */
const DEFAULT_WAIT_MS = 10_000;

function socketUrl(baseUrl: string, options: RealtimeClientOptions): string {
  const url = new URL(options.path ?? '/api/v1/realtime', baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (options.after !== undefined) url.searchParams.set('after', String(options.after));
  return url.toString();
}

function openSocket(baseUrl: string, options: RealtimeClientOptions): WebSocket {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  return new WebSocket(socketUrl(baseUrl, options), {
    headers,
    ...(options.origin ? { origin: options.origin } : {}),
    autoPong: options.autoPong ?? true,
  });
}

/**
 * A real `ws` client that records every server message (parsed with the contract) and lets a
 * test await a given one, failing after a bounded time instead of sleeping.
 */
export class RealtimeTestClient {
  readonly messages: SocketServerMessage[] = [];
  /** Resolves when the socket closes, with the server's close code. */
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();
  private dropped = false;

  private constructor(readonly socket: WebSocket) {
    // A dropped connection shows in `closed`; the error itself needs no handling here.
    socket.on('error', () => undefined);
    socket.on('message', (data) => {
      // A socket the test dropped must not record frames still in its buffers.
      if (this.dropped) return;
      this.messages.push(socketServerMessageSchema.parse(JSON.parse(data.toString())));
      for (const waiter of this.waiters) waiter();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const waiter of this.waiters) waiter();
      });
    });
  }

  /** Connects and resolves once the upgrade succeeded. */
  static async connect(baseUrl: string, options: RealtimeClientOptions = {}): Promise<RealtimeTestClient> {
    const socket = openSocket(baseUrl, options);
    const client = new RealtimeTestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  /** The events received so far, in arrival order. */
  events(): RealtimeEvent[] {
    return this.messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));
  }

  /** The first message matching `predicate` (already received or still to come). */
  waitFor(
    predicate: (message: SocketServerMessage) => boolean,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<SocketServerMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(predicate);
        if (found) {
          finish();
          resolve(found);
        } else if (this.socket.readyState === WebSocket.CLOSED) {
          finish();
          reject(new Error('the socket closed before the expected message arrived'));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no matching message within ${timeoutMs} ms (got ${this.messages.length})`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Waits for the event with this id. */
  async waitForEvent(id: number, timeoutMs = DEFAULT_WAIT_MS): Promise<RealtimeEvent> {
    const message = await this.waitFor((item) => item.kind === 'event' && item.event.id === id, timeoutMs);
    if (message.kind !== 'event') throw new Error('unreachable: matched a non-event');
    return message.event;
  }

  /** The `hello` frame's `lastId`. */
  async helloLastId(): Promise<number> {
    const hello = await this.waitFor((message) => message.kind === 'hello');
    if (hello.kind !== 'hello') throw new Error('unreachable: matched a non-hello');
    return hello.lastId;
  }

  /** Drops the connection abruptly, as a network failure would; later frames are ignored. */
  drop(): void {
    this.dropped = true;
    this.socket.terminate();
  }

  /** Closes politely and waits for the close to complete. */
  async close(): Promise<void> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close();
    await this.closed;
  }
}

/** Tries to connect and resolves with the HTTP status of the refusal; rejects if it was accepted. */
export function realtimeRefusal(baseUrl: string, options: RealtimeClientOptions = {}): Promise<number> {
  const socket = openSocket(baseUrl, options);
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      socket.terminate();
    });
    socket.once('open', () => {
      socket.terminate();
      reject(new Error('the socket was accepted'));
    });
    socket.on('error', (error) => reject(error));
  });
}
