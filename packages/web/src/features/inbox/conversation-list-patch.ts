import type { Conversation, DeliveryState, Message, RealtimeEvent } from '@charla/contracts';
import { type InboxFilters, TAB_STATUSES } from './inbox-filters.ts';

/** The loaded part of the list: pages as fetched, and whether more wait behind the cursor. */
export interface LoadedList {
  pages: Conversation[][];
  hasMore: boolean;
}

/**
 * Whether a conversation belongs in a list with these filters, as far as the browser can tell.
 * A search (`query`) and a custom field are matched by the server only; `undefined` means
 * "cannot tell".
 */
export function matchesFilters(
  conversation: Conversation,
  filters: InboxFilters,
  myMemberId: string,
): boolean | undefined {
  const statuses: readonly string[] = filters.status ? [filters.status] : TAB_STATUSES[filters.tab];
  if (!statuses.includes(conversation.status)) return false;
  const owner = conversation.assignee?.id ?? null;
  if (filters.view === 'mine' && owner !== myMemberId) return false;
  if (filters.view === 'unassigned' && owner !== null) return false;
  if (filters.view === 'all' && filters.agent && owner !== filters.agent) return false;
  if (filters.channel && conversation.channel.id !== filters.channel) return false;
  if (filters.read === 'unread' && conversation.unreadCount === 0) return false;
  if (filters.read === 'read' && conversation.unreadCount > 0) return false;
  if (filters.tags.length > 0 && !conversation.customer.tags.some((tag) => filters.tags.includes(tag.id))) {
    return false;
  }
  return filters.query.trim() || filters.field ? undefined : true;
}

/** Negative when `a` comes first in the list: the server's keyset order on (lastActivityAt, id). */
function compareRows(a: Conversation, b: Conversation, sort: InboxFilters['sort']): number {
  const byTime = a.lastActivityAt - b.lastActivityAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return sort === 'recent' ? -byTime : byTime;
}

function without(list: LoadedList, conversationId: string): LoadedList {
  return {
    ...list,
    pages: list.pages.map((page) => page.filter((row) => row.id !== conversationId)),
  };
}

function indexOf(list: LoadedList, conversationId: string): number {
  return list.pages.flat().findIndex((row) => row.id === conversationId);
}

/**
 * Puts a row where the server's order would, if that place is within what is loaded: a row
 * that sorts after the last loaded one is left for the next page to bring.
 */
function insertSorted(list: LoadedList, conversation: Conversation, sort: InboxFilters['sort']): LoadedList {
  const pages = list.pages.map((page) => [...page]);
  for (const page of pages) {
    const at = page.findIndex((row) => compareRows(conversation, row, sort) < 0);
    if (at !== -1) {
      page.splice(at, 0, conversation);
      return { ...list, pages };
    }
  }
  const last = pages.at(-1);
  if (last && !list.hasMore) last.push(conversation);
  else if (!last) pages.push([conversation]);
  return { ...list, pages };
}

function replaceInPlace(list: LoadedList, conversation: Conversation): LoadedList {
  return {
    ...list,
    pages: list.pages.map((page) => page.map((row) => (row.id === conversation.id ? conversation : row))),
  };
}

/** Who is looking at the list: their member id and the conversation they have open. */
export interface ListViewer {
  memberId: string;
  /** Stays in the list while open even when it stops matching (it must not vanish under the agent). */
  openConversationId: string | null;
}

/** A conversation changed: move it to its new place, keep it where it is, add or drop it. */
function upsert(list: LoadedList, conversation: Conversation, filters: InboxFilters, viewer: ListViewer) {
  const matches = matchesFilters(conversation, filters, viewer.memberId);
  const present = indexOf(list, conversation.id) !== -1;
  if (matches === false && present && conversation.id === viewer.openConversationId) {
    return replaceInPlace(list, conversation);
  }
  if (matches === false) return present ? without(list, conversation.id) : list;
  // A search is the server's to match: rows it returned are updated, new ones are not guessed.
  if (matches === undefined) return present ? replaceInPlace(list, conversation) : list;
  return insertSorted(without(list, conversation.id), conversation, filters.sort);
}

const DELIVERY_ORDER: Record<DeliveryState, number> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 4,
};

/** A delivery update reaches the row when it is about the row's last message (ticks only move forward). */
function updateDelivery(list: LoadedList, message: Message): LoadedList {
  const state = message.delivery?.state;
  if (!state) return list;
  return {
    ...list,
    pages: list.pages.map((page) =>
      page.map((row) => {
        const last = row.lastMessage;
        const isLast = row.id === message.conversationId && message.createdAt >= row.lastActivityAt;
        if (!last || !isLast || last.direction !== message.direction) return row;
        if (last.deliveryState && DELIVERY_ORDER[state] <= DELIVERY_ORDER[last.deliveryState]) return row;
        return { ...row, lastMessage: { ...last, deliveryState: state } };
      }),
    ),
  };
}

/** Whether an event can change conversation lists or counts (members, reminders and deals cannot). */
export function touchesConversations(event: RealtimeEvent): boolean {
  switch (event.type) {
    case 'message.created':
    case 'message.updated':
    case 'conversation.updated':
    case 'conversation.removed':
      return true;
    case 'member.updated':
    case 'reminder.due':
    case 'deal.changed':
    case 'funnel.changed':
      return false;
  }
}

/** The list after one realtime event; the same object when the event does not touch it. */
export function applyEventToList(
  list: LoadedList,
  event: RealtimeEvent,
  filters: InboxFilters,
  viewer: ListViewer,
): LoadedList {
  switch (event.type) {
    case 'message.created':
    case 'conversation.updated':
      return upsert(list, event.conversation, filters, viewer);
    case 'conversation.removed':
      return indexOf(list, event.conversationId) === -1 ? list : without(list, event.conversationId);
    case 'message.updated':
      return indexOf(list, event.message.conversationId) === -1 ? list : updateDelivery(list, event.message);
    case 'member.updated':
    case 'reminder.due':
    case 'deal.changed':
    case 'funnel.changed':
      return list;
  }
}

/** The rows to show: pages flattened, each conversation once (pages can overlap after live moves). */
export function visibleRows(pages: readonly Conversation[][]): Conversation[] {
  const seen = new Set<string>();
  const rows: Conversation[] = [];
  for (const row of pages.flat()) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    rows.push(row);
  }
  return rows;
}
