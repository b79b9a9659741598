import type { Socket } from 'node:net';
import { REALTIME_CLOSE_CODES } from '@charla/contracts';
import type { WebSocket } from 'ws';
import type { Viewer } from './realtime.policy.ts';
import { socketFrame } from './realtime.presenter.ts';

/** How far one socket may fall behind before it is told to resync. */
export interface ConnectionLimits {
  /** Bytes queued in the socket (not yet taken by the kernel) beyond which it is closed. */
  maxBufferedBytes: number;
  /** Live frames held while the catch-up from the table is still being sent. */
  maxPendingFrames: number;
}

type Phase = 'catching_up' | 'live' | 'closed';

/**
 * One member's socket. Frames go out in event-id order exactly once: while the catch-up from
 * the table runs, live frames wait in `pending`, and `cursor` (the highest id sent or scanned)
 * drops whatever the catch-up already covered.
 */
export class RealtimeConnection {
  private phase: Phase = 'catching_up';
  private pending: { id: number; frame: string }[] = [];
  private cursor = 0;
  private alive = true;

  constructor(
    private readonly socket: WebSocket,
    readonly workspaceId: string,
    /** Updated in place when the member's role changes. */
    public viewer: Viewer,
    private readonly limits: ConnectionLimits,
  ) {
    socket.on('pong', () => {
      this.alive = true;
    });
  }

  /** Whether the socket was closed or dropped; the catch-up stops early when it was. */
  get closed(): boolean {
    return this.phase === 'closed';
  }

  /** The first frame: where the log stands as this socket starts. */
  hello(lastId: number): void {
    this.write(socketFrame({ kind: 'hello', lastId }));
  }

  /** A frame from the live stream (null frame: the member does not get this event). */
  deliver(id: number, frame: string): void {
    if (this.phase === 'closed' || id <= this.cursor) return;
    if (this.phase === 'catching_up') {
      if (this.pending.length >= this.limits.maxPendingFrames) this.resync();
      else this.pending.push({ id, frame });
      return;
    }
    this.send(id, frame);
  }

  /** A catch-up event read from the table; `frame` null when it is filtered out for this member. */
  deliverCatchUp(id: number, frame: string | null): void {
    if (this.phase !== 'catching_up' || id <= this.cursor) return;
    if (frame === null) this.cursor = id;
    else this.send(id, frame);
  }

  /** Starts the catch-up after `after` (or goes live at once with `goLive`). */
  startAfter(after: number): void {
    this.cursor = after;
  }

  /** The catch-up is done up to `scannedUpTo`: send what waited, then stream live. */
  goLive(scannedUpTo: number): void {
    if (this.phase !== 'catching_up') return;
    this.cursor = Math.max(this.cursor, scannedUpTo);
    const waiting = this.pending;
    this.pending = [];
    this.phase = 'live';
    for (const item of waiting) {
      if (this.phase !== 'live') return;
      if (item.id > this.cursor) this.send(item.id, item.frame);
    }
  }

  /** Resolves once everything sent so far was handed to the kernel (paces the catch-up). */
  written(): Promise<void> {
    if (this.phase === 'closed' || this.socket.bufferedAmount === 0) return Promise.resolve();
    // Frames leave in order, so once this ping is written everything before it is too.
    return new Promise((resolve) => this.socket.ping(undefined, undefined, () => resolve()));
  }

  /**
   * Holds this socket's frames in its TCP socket until `uncork`, so a batch of events leaves in
   * one write to the kernel instead of one per frame (ws writes each frame synchronously).
   */
  cork(): void {
    this.tcpSocket()?.cork();
  }

  uncork(): void {
    this.tcpSocket()?.uncork();
  }

  /** Heartbeat: drops a socket that did not answer the previous ping. */
  checkAlive(): void {
    if (this.phase === 'closed') return;
    if (!this.alive) {
      this.phase = 'closed';
      this.socket.terminate();
      return;
    }
    this.alive = false;
    this.socket.ping();
  }

  /** Closes with a code from the contract (or 1001 on shutdown). */
  close(code: number, reason: string): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.pending = [];
    this.socket.close(code, reason);
  }

  /** The socket went away on its own. */
  markClosed(): void {
    this.phase = 'closed';
    this.pending = [];
  }

  private send(id: number, frame: string): void {
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.resync();
      return;
    }
    this.cursor = id;
    this.write(frame);
  }

  /** ws keeps the TCP socket private; reaching it is the only way to batch frames into one write. */
  private tcpSocket(): Socket | undefined {
    const tcp = (this.socket as unknown as { _socket?: Socket | null })._socket;
    return tcp && !tcp.destroyed ? tcp : undefined;
  }

  private write(frame: string): void {
    this.socket.send(frame);
  }

  /** Too far behind: buffering more would grow without bound, so the client fetches instead. */
  private resync(): void {
    this.close(REALTIME_CLOSE_CODES.resync, 'too far behind: resync with GET /api/v1/events');
  }
}
