import {
  type Attachment,
  attachmentSchema,
  type Conversation,
  type DeliveryState,
  deliveryStateSchema,
  type Message,
  type MessageAuthor,
  messageContentSchema,
  messageDirectionSchema,
  messageKindSchema,
  type Tag,
} from '@charla/contracts';
import { z } from 'zod';
import { displayNameOf } from '../customers/customer-search.ts';
import type { ConversationViewRow } from './conversations.queries.ts';
import type { MessageViewRow } from './messages.queries.ts';

function deliveryState(value: string | null): DeliveryState | null {
  const parsed = deliveryStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A conversation row (with customer, channel, owner) → the list item contract. */
export function presentConversation(row: ConversationViewRow, tags: Tag[]): Conversation {
  const kind = messageKindSchema.safeParse(row.last_message_kind);
  const direction = messageDirectionSchema.safeParse(row.last_message_direction);
  return {
    id: row.id,
    status: row.status,
    channel: { id: row.channel_id, type: row.channel_type, name: row.channel_name },
    customer: {
      id: row.customer_id,
      displayName: displayNameOf(row),
      phone: row.phone,
      botEnabled: row.bot_enabled === 1,
      blocked: row.blocked === 1,
      tags,
    },
    assignee:
      row.owner_member_id && row.owner_name ? { id: row.owner_member_id, name: row.owner_name } : null,
    lastMessage:
      kind.success && direction.success
        ? {
            preview: row.last_message_preview ?? '',
            kind: kind.data,
            direction: direction.data,
            deliveryState: deliveryState(row.last_message_state),
          }
        : null,
    unreadCount: row.unread_count,
    lastActivityAt: row.last_activity_at,
    lastInboundAt: row.last_inbound_at,
    createdAt: row.created_at,
    pendingReminder: (row.pending_reminders ?? 0) > 0,
  };
}

const attachmentsSchema = z.array(attachmentSchema);

function authorOf(row: MessageViewRow): MessageAuthor {
  switch (row.author_type) {
    case 'customer':
      return { type: 'customer' };
    case 'bot':
      return { type: 'bot' };
    case 'external':
      return { type: 'external' };
    case 'member':
      return { type: 'member', memberId: row.author_member_id ?? '', name: row.author_name ?? '' };
  }
}

/** A message row (with author name, reply preview, reactions) → the message contract. */
export function presentMessage(
  row: MessageViewRow,
  reactions: Message['reactions'] = [],
  describeError: (code: string) => string | null = () => null,
): Message {
  const attachments: Attachment[] = attachmentsSchema.parse(JSON.parse(row.attachments));
  const state = deliveryState(row.delivery_state);
  return {
    id: row.id,
    conversationId: row.conversation_id,
    direction: row.direction,
    kind: messageKindSchema.parse(row.kind),
    text: row.body,
    content: messageContentSchema.parse(JSON.parse(row.content)),
    attachments,
    replyTo:
      row.reply_to_message_id !== null
        ? { messageId: row.reply_to_message_id, preview: row.reply_preview ?? '' }
        : null,
    reactions,
    author: authorOf(row),
    delivery:
      state === null
        ? null
        : {
            state,
            errorCode: row.error_code,
            errorReason: row.error_code ? (describeError(row.error_code) ?? row.error_detail) : null,
          },
    clientId: row.client_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The one-line preview of a message for the list and quoted replies. */
export function previewOf(kind: string, text: string | null): string {
  if (text) return text.length > 160 ? `${text.slice(0, 157)}…` : text;
  return `[${kind}]`;
}
