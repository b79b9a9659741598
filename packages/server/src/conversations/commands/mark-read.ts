import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { loadVisibleConversation } from '../conversation-access.ts';
import { recordConversationUpdated } from '../conversations.events.ts';
import { updateConversationRow } from '../conversations.repo.ts';

/** Marks a conversation read (no unread messages) or unread (flagged with one unread). */
export async function markConversationRead(
  db: Db,
  actor: Actor,
  conversationId: string,
  read: boolean,
  now: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const conversation = await loadVisibleConversation(trx, actor, conversationId);
    const unread = read ? 0 : Math.max(1, conversation.unread_count);
    if (unread === conversation.unread_count) return;
    await updateConversationRow(trx, conversation.id, { unread_count: unread, updated_at: now });
    await recordConversationUpdated(
      { trx, engine: db.engine, workspaceId: actor.workspaceId, now },
      conversation.id,
    );
  });
}
