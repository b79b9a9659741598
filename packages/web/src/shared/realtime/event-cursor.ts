import type { RealtimeEvent } from '@charla/contracts';

/**
 * Where this tab stands in the workspace's event log. The server numbers events in commit
 * order, so an id at or below the cursor was applied already (a catch-up overlapping the live
 * stream, a page fetched twice) and is dropped: every event is applied once, in order.
 */
export class EventCursor {
  private last: number | null = null;

  /** The last id applied or skipped past; null until the first `hello` placed the cursor. */
  get lastId(): number | null {
    return this.last;
  }

  /** Whether `event` is new: if so the cursor moves to it and the caller applies it. */
  accept(event: Pick<RealtimeEvent, 'id'>): boolean {
    if (this.last !== null && event.id <= this.last) return false;
    this.last = event.id;
    return true;
  }

  /**
   * Moves past ids this tab will never be shown (the log's end at a fresh start, the `lastId`
   * of an events page whose tail the member may not see). Never moves back.
   */
  advanceTo(id: number): void {
    if (this.last === null || id > this.last) this.last = id;
  }
}
