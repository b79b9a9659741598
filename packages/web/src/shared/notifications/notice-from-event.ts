import type { RealtimeEvent } from '@charla/contracts';

/** Something worth interrupting the member for. */
export type Notice =
  | { kind: 'message'; conversationId: string; customerName: string; preview: string; key: string }
  | {
      kind: 'assignment';
      conversationId: string;
      customerName: string;
      /** Who assigned; null when the system did. */
      byName: string | null;
      key: string;
    }
  /** A reminder of the member's, come due ("call back about the size"). */
  | { kind: 'reminder'; text: string; key: string };

type Viewer = {
  memberId: string;
  /** The conversation on screen while the tab is visible: its messages need no alert. */
  watchingConversationId: string | null;
};

/**
 * Which live events raise a notice: a customer's new message in a chat that is the member's or
 * unassigned (the server marks those that should with `notify`; blocked customers and our own
 * sends never do) unless the member is looking at that chat, and an assignment of a customer to
 * the member by someone else, and a reminder addressed to the member coming due.
 * The server only sends events of conversations the member may see. `key` is the same for
 * the copies an assignment produces on each of the customer's conversations.
 */
export function noticeFromEvent(event: RealtimeEvent, viewer: Viewer): Notice | null {
  if (event.type === 'reminder.due') {
    const { reminder } = event;
    if (event.memberId !== viewer.memberId || reminder.action.type !== 'notify') return null;
    return { kind: 'reminder', text: reminder.action.text, key: `reminder:${reminder.id}` };
  }
  if (event.type !== 'message.created') return null;
  const { message, conversation } = event;
  const customerName = conversation.customer.displayName;
  if (message.direction === 'inbound') {
    if (!event.notify || conversation.id === viewer.watchingConversationId) return null;
    // A colleague's customer is theirs to answer: admins and supervisors see it without a ping.
    const owner = conversation.assignee?.id ?? null;
    if (owner !== null && owner !== viewer.memberId) return null;
    return {
      kind: 'message',
      conversationId: conversation.id,
      customerName,
      preview: message.text ?? conversation.lastMessage?.preview ?? '',
      key: `message:${message.id}`,
    };
  }
  const content = message.content;
  if (content.kind !== 'activity' || content.action !== 'assigned' || content.memberId !== viewer.memberId) {
    return null;
  }
  const author = message.author;
  if (author.type === 'member' && author.memberId === viewer.memberId) return null;
  return {
    kind: 'assignment',
    conversationId: conversation.id,
    customerName,
    byName: author.type === 'member' ? author.name : null,
    key: `assignment:${conversation.customer.id}:${message.createdAt}`,
  };
}
