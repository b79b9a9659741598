import type { Conversation, Message, RealtimeEvent } from '@charla/contracts';
import { describe, expect, it } from 'vitest';
import { noticeFromEvent } from './notice-from-event.ts';

const ME = 'member-me';
const viewer = { memberId: ME, watchingConversationId: null };

const conversation: Conversation = {
  id: 'conv-1',
  status: 'new',
  channel: { id: 'channel-wa', type: 'whatsapp', name: 'Ventas' },
  customer: {
    id: 'cust-1',
    displayName: 'Mariana López',
    phone: null,
    botEnabled: true,
    blocked: false,
    tags: [],
  },
  assignee: null,
  lastMessage: { preview: '¿Tienen envíos?', kind: 'text', direction: 'inbound', deliveryState: null },
  unreadCount: 1,
  lastActivityAt: 10,
  lastInboundAt: 10,
  createdAt: 1,
  pendingReminder: false,
};

const inbound: Message = {
  id: 'msg-1',
  conversationId: 'conv-1',
  direction: 'inbound',
  kind: 'text',
  text: '¿Tienen envíos?',
  content: { kind: 'text' },
  attachments: [],
  replyTo: null,
  reactions: [],
  author: { type: 'customer' },
  delivery: null,
  clientId: null,
  createdAt: 10,
  updatedAt: 10,
};

function created(message: Message, notify: boolean, about: Conversation = conversation): RealtimeEvent {
  return { id: 1, createdAt: 10, type: 'message.created', message, conversation: about, notify };
}

function assignment(to: string, by: Message['author']): RealtimeEvent {
  return created(
    {
      ...inbound,
      id: 'line-1',
      direction: 'internal',
      kind: 'activity',
      text: null,
      content: { kind: 'activity', action: 'assigned', memberId: to, from: null, to: null },
      author: by,
    },
    false,
  );
}

describe('which live events interrupt the member', () => {
  it('announces a customer’s new message with who wrote and what', () => {
    expect(noticeFromEvent(created(inbound, true), viewer)).toEqual({
      kind: 'message',
      conversationId: 'conv-1',
      customerName: 'Mariana López',
      preview: '¿Tienen envíos?',
      key: 'message:msg-1',
    });
  });

  it('stays quiet for messages the server marks silent and for the chat being watched', () => {
    expect(noticeFromEvent(created(inbound, false), viewer)).toBeNull();
    expect(
      noticeFromEvent(created(inbound, true), { ...viewer, watchingConversationId: 'conv-1' }),
    ).toBeNull();
    const outbound = { ...inbound, direction: 'outbound' as const, author: { type: 'external' as const } };
    expect(noticeFromEvent(created(outbound, true), viewer)).toBeNull();
  });

  it('leaves messages in a colleague’s chat to them, but pings for my own and unassigned chats', () => {
    const assigned = (id: string) => created(inbound, true, { ...conversation, assignee: { id, name: id } });
    expect(noticeFromEvent(assigned('m-luis'), viewer)).toBeNull();
    expect(noticeFromEvent(assigned(ME), viewer)).toMatchObject({ kind: 'message' });
  });

  it('announces an assignment to me by someone else, naming them', () => {
    const notice = noticeFromEvent(
      assignment(ME, { type: 'member', memberId: 'm-luis', name: 'Luis' }),
      viewer,
    );
    expect(notice).toMatchObject({ kind: 'assignment', customerName: 'Mariana López', byName: 'Luis' });
  });

  it('ignores assignments I made myself and assignments to others', () => {
    expect(noticeFromEvent(assignment(ME, { type: 'member', memberId: ME, name: 'Me' }), viewer)).toBeNull();
    expect(
      noticeFromEvent(assignment('m-sofia', { type: 'member', memberId: 'm-luis', name: 'Luis' }), viewer),
    ).toBeNull();
  });
});

describe('reminders', () => {
  const due = (memberId: string, action: { type: 'notify'; text: string } | null): RealtimeEvent =>
    ({
      id: 9,
      createdAt: 20,
      type: 'reminder.due',
      memberId,
      reminder: {
        id: 'rem-1',
        customerId: 'cust-1',
        status: 'sent',
        at: '2026-11-24T10:30',
        timeZone: 'America/Mexico_City',
        runAt: 20,
        action: action ?? {
          type: 'template',
          template: { name: 'bienvenida', language: 'es', variables: ['Ana'] },
        },
        failureReason: null,
        failureCode: null,
        messageId: null,
        createdBy: null,
        createdAt: 1,
        updatedAt: 20,
      },
    }) as RealtimeEvent;

  it('tells the member a reminder addressed to them came due, with its text', () => {
    expect(noticeFromEvent(due(ME, { type: 'notify', text: 'Llamar por la talla' }), viewer)).toEqual({
      kind: 'reminder',
      text: 'Llamar por la talla',
      key: 'reminder:rem-1',
    });
  });

  it("says nothing of another member's reminder or of a template reminder (the customer got it)", () => {
    expect(noticeFromEvent(due('member-other', { type: 'notify', text: 'x' }), viewer)).toBeNull();
    expect(noticeFromEvent(due(ME, null), viewer)).toBeNull();
  });
});
