import type { Conversation, Message, RealtimeEvent } from '@charla/contracts';
import { describe, expect, it } from 'vitest';
import {
  applyEventToList,
  type ListViewer,
  type LoadedList,
  visibleRows,
} from './conversation-list-patch.ts';
import { DEFAULT_FILTERS, type InboxFilters } from './inbox-filters.ts';

const ME = 'member-me';
const viewer: ListViewer = { memberId: ME, openConversationId: null };

function conversation(id: string, lastActivityAt: number, changes: Partial<Conversation> = {}): Conversation {
  return {
    id,
    status: 'new',
    channel: { id: 'channel-wa', type: 'whatsapp', name: 'Ventas' },
    customer: {
      id: `customer-${id}`,
      displayName: `Customer ${id}`,
      phone: null,
      botEnabled: false,
      blocked: false,
      tags: [],
    },
    assignee: null,
    lastMessage: { preview: 'Hola', kind: 'text', direction: 'inbound', deliveryState: null },
    unreadCount: 0,
    lastActivityAt,
    lastInboundAt: lastActivityAt,
    createdAt: lastActivityAt,
    pendingReminder: false,
    ...changes,
  };
}

function listOf(pages: Conversation[][], hasMore = false): LoadedList {
  return { pages, hasMore };
}

function ids(list: LoadedList): string[] {
  return visibleRows(list.pages).map((row) => row.id);
}

function message(conversationId: string, changes: Partial<Message> = {}): Message {
  return {
    id: `message-of-${conversationId}`,
    conversationId,
    direction: 'inbound',
    kind: 'text',
    text: 'Hola',
    content: { kind: 'text' },
    attachments: [],
    replyTo: null,
    reactions: [],
    author: { type: 'customer' },
    delivery: null,
    clientId: null,
    createdAt: 0,
    updatedAt: 0,
    ...changes,
  };
}

let nextEventId = 1;
function created(row: Conversation): RealtimeEvent {
  return {
    id: nextEventId++,
    createdAt: row.lastActivityAt,
    type: 'message.created',
    message: message(row.id, { createdAt: row.lastActivityAt }),
    conversation: row,
    notify: true,
  };
}
function updated(row: Conversation): RealtimeEvent {
  return {
    id: nextEventId++,
    createdAt: row.lastActivityAt,
    type: 'conversation.updated',
    conversation: row,
  };
}

const filters = (changes: Partial<InboxFilters> = {}): InboxFilters => ({ ...DEFAULT_FILTERS, ...changes });

describe('applying live events to the conversation list', () => {
  const loaded = listOf([[conversation('c', 300), conversation('b', 200)], [conversation('a', 100)]]);

  it('moves a conversation with a new message to the top with its new preview and unread count', () => {
    const row = conversation('a', 400, {
      unreadCount: 2,
      lastMessage: { preview: '¿Tienen envío?', kind: 'text', direction: 'inbound', deliveryState: null },
    });
    const next = applyEventToList(loaded, created(row), filters(), viewer);
    expect(ids(next)).toEqual(['a', 'c', 'b']);
    expect(visibleRows(next.pages)[0]).toMatchObject({
      unreadCount: 2,
      lastMessage: { preview: '¿Tienen envío?' },
    });
  });

  it('adds a brand-new conversation at the top', () => {
    const next = applyEventToList(loaded, created(conversation('d', 500)), filters(), viewer);
    expect(ids(next)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('updates status and owner in place when the order does not change', () => {
    const row = conversation('b', 200, { status: 'open', assignee: { id: ME, name: 'Me' } });
    const next = applyEventToList(loaded, updated(row), filters(), viewer);
    expect(ids(next)).toEqual(['c', 'b', 'a']);
    expect(visibleRows(next.pages)[1]).toMatchObject({ status: 'open', assignee: { id: ME } });
  });

  it('drops a conversation the member can no longer see', () => {
    const event: RealtimeEvent = {
      id: nextEventId++,
      createdAt: 0,
      type: 'conversation.removed',
      conversationId: 'b',
    };
    expect(ids(applyEventToList(loaded, event, filters(), viewer))).toEqual(['c', 'a']);
  });

  it('drops a conversation resolved while the To resolve tab is shown, and adds it to Resolved', () => {
    const resolved = conversation('c', 300, { status: 'resolved' });
    expect(ids(applyEventToList(loaded, updated(resolved), filters(), viewer))).toEqual(['b', 'a']);
    const resolvedTab = listOf([[conversation('r', 250, { status: 'resolved' })]]);
    expect(
      ids(applyEventToList(resolvedTab, updated(resolved), filters({ tab: 'resolved' }), viewer)),
    ).toEqual(['c', 'r']);
  });

  it('keeps the open conversation in place even when it stops matching the filters', () => {
    const read = conversation('b', 200, { unreadCount: 0 });
    const unreadList = listOf([
      [conversation('c', 300, { unreadCount: 1 }), conversation('b', 200, { unreadCount: 3 })],
    ]);
    const unreadOnly = filters({ read: 'unread' });
    expect(ids(applyEventToList(unreadList, updated(read), unreadOnly, viewer))).toEqual(['c']);
    const reading = { memberId: ME, openConversationId: 'b' };
    expect(ids(applyEventToList(unreadList, updated(read), unreadOnly, reading))).toEqual(['c', 'b']);
  });

  it('shows in Mine only conversations assigned to me', () => {
    const mine = filters({ view: 'mine' });
    const toSomeoneElse = conversation('x', 600, { assignee: { id: 'other', name: 'Luis' } });
    const toMe = conversation('y', 700, { assignee: { id: ME, name: 'Me' } });
    const empty = listOf([[]]);
    expect(ids(applyEventToList(empty, created(toSomeoneElse), mine, viewer))).toEqual([]);
    expect(ids(applyEventToList(empty, created(toMe), mine, viewer))).toEqual(['y']);
  });

  it('does not guess search matches: updates rows the server returned, adds none', () => {
    const search = filters({ query: 'ana' });
    expect(ids(applyEventToList(loaded, created(conversation('d', 500)), search, viewer))).toEqual([
      'c',
      'b',
      'a',
    ]);
    const next = applyEventToList(
      loaded,
      created(conversation('a', 400, { unreadCount: 5 })),
      search,
      viewer,
    );
    expect(visibleRows(next.pages).find((row) => row.id === 'a')?.unreadCount).toBe(5);
  });

  it('leaves a row that sorts past the loaded pages for the next page to bring', () => {
    const partial = listOf([[conversation('c', 300), conversation('b', 200)]], true);
    const old = conversation('z', 50);
    expect(ids(applyEventToList(partial, updated(old), filters(), viewer))).toEqual(['c', 'b']);
    expect(ids(applyEventToList({ ...partial, hasMore: false }, updated(old), filters(), viewer))).toEqual([
      'c',
      'b',
      'z',
    ]);
  });

  it('keeps oldest-first order when sorting by oldest', () => {
    const oldest = listOf([[conversation('a', 100), conversation('b', 200)]]);
    const next = applyEventToList(
      oldest,
      updated(conversation('m', 150)),
      filters({ sort: 'oldest' }),
      viewer,
    );
    expect(ids(next)).toEqual(['a', 'm', 'b']);
  });

  it('moves the ticks of the last outbound message forward, never back', () => {
    const sent = conversation('s', 900, {
      lastMessage: { preview: 'Gracias', kind: 'text', direction: 'outbound', deliveryState: 'sent' },
    });
    const list = listOf([[sent]]);
    const delivery = (state: 'delivered' | 'sent'): RealtimeEvent => ({
      id: nextEventId++,
      createdAt: 901,
      type: 'message.updated',
      message: message('s', {
        direction: 'outbound',
        createdAt: 900,
        delivery: { state, errorCode: null, errorReason: null },
      }),
    });
    const delivered = applyEventToList(list, delivery('delivered'), filters(), viewer);
    expect(visibleRows(delivered.pages)[0]?.lastMessage?.deliveryState).toBe('delivered');
    const stale = applyEventToList(delivered, delivery('sent'), filters(), viewer);
    expect(visibleRows(stale.pages)[0]?.lastMessage?.deliveryState).toBe('delivered');
  });

  it('shows each conversation once even when pages overlap', () => {
    expect(ids(listOf([[conversation('a', 2)], [conversation('a', 2), conversation('b', 1)]]))).toEqual([
      'a',
      'b',
    ]);
  });
});
