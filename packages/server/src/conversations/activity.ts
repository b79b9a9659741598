import type { MessageContent } from '@charla/contracts';
import type { Executor } from '../db/transaction.ts';
import { newId } from '../platform/ids.ts';
import { type ConversationRow, insertMessageRow } from './conversations.repo.ts';

export type ActivityContent = Extract<MessageContent, { kind: 'activity' }>;

/**
 * Writes an activity line ("Ana assigned this to Luis", "resolved") into a thread. Activity
 * lines do not move the conversation in the list.
 */
export async function insertActivityLine(
  trx: Executor,
  conversation: ConversationRow,
  /** A member id, or who else made the change: the customer (writing in) or the bot. */
  by: string | 'customer' | 'bot',
  activity: Omit<ActivityContent, 'kind'>,
  now: number,
): Promise<string> {
  const id = newId();
  await insertMessageRow(trx, {
    id,
    workspace_id: conversation.workspace_id,
    conversation_id: conversation.id,
    channel_id: conversation.channel_id,
    direction: 'internal',
    kind: 'activity',
    body: null,
    content: JSON.stringify({ kind: 'activity', ...activity } satisfies ActivityContent),
    attachments: '[]',
    reply_to_message_id: null,
    provider_message_id: null,
    client_id: null,
    delivery_state: null,
    error_code: null,
    error_detail: null,
    author_type: by === 'customer' || by === 'bot' ? by : 'member',
    author_member_id: by === 'customer' || by === 'bot' ? null : by,
    created_at: now,
    updated_at: now,
  });
  return id;
}
