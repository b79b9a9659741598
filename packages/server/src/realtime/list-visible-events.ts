import type { RealtimeEvent } from '@charla/contracts';
import type { Executor } from '../db/transaction.ts';
import { listEventsAfter } from '../events/events.repo.ts';
import { deliveryFor, type Viewer } from './realtime.policy.ts';
import { eventFor, presentStoredEvent } from './realtime.presenter.ts';

/** A page of the event log as one member sees it. */
export interface VisibleEventsPage {
  items: RealtimeEvent[];
  /** The highest id scanned: resume after it even when the last events were filtered out. */
  lastId: number;
  hasMore: boolean;
}

/**
 * The workspace's events after `after`, filtered for the member (with removal notices for
 * conversations they lost): what a client fetches to resync after a reconnect.
 */
export async function listVisibleEvents(
  db: Executor,
  viewer: Viewer & { workspaceId: string },
  after: number,
  limit: number,
): Promise<VisibleEventsPage> {
  // One extra row tells whether more are waiting without a second query.
  const rows = await listEventsAfter(db, viewer.workspaceId, after, limit + 1);
  const scanned = rows.slice(0, limit);
  const items: RealtimeEvent[] = [];
  for (const stored of scanned) {
    const event = presentStoredEvent(stored);
    const item = event && eventFor(deliveryFor(viewer, stored), event, stored.conversationId);
    if (item) items.push(item);
  }
  return { items, lastId: scanned.at(-1)?.id ?? after, hasMore: rows.length > limit };
}
