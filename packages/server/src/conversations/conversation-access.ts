import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/transaction.ts';
import { AppError } from '../platform/errors.ts';
import { canSeeConversation } from './conversations.policy.ts';
import { type ConversationRow, findConversationRow } from './conversations.repo.ts';

/**
 * Loads a conversation the actor may see. One that exists but is hidden from them answers the
 * same as one that does not exist, so ids of other agents' chats cannot be probed.
 */
export async function loadVisibleConversation(
  trx: Executor,
  actor: Actor,
  conversationId: string,
): Promise<ConversationRow> {
  const row = await findConversationRow(trx, actor.workspaceId, conversationId);
  if (!row || !canSeeConversation(actor, row.owner_member_id)) throw new AppError('CONVERSATION_NOT_FOUND');
  return row;
}
