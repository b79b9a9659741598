import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { insertActivityLine } from '../activity.ts';
import { loadVisibleConversation } from '../conversation-access.ts';
import { statusAfterOpened } from '../conversation-status.ts';
import { recordConversationUpdated, recordMessageCreated } from '../conversations.events.ts';
import { updateConversationRow } from '../conversations.repo.ts';

/**
 * A member opened the chat: it is read, and a new conversation becomes open. Supervisors only
 * look: their opening neither reads nor opens it for the team.
 */
export async function openConversation(
  db: Db,
  actor: Actor,
  conversationId: string,
  now: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const conversation = await loadVisibleConversation(trx, actor, conversationId);
    if (actor.role === 'supervisor') return;
    const status = statusAfterOpened(conversation.status);
    if (status === conversation.status && conversation.unread_count === 0) return;
    await updateConversationRow(trx, conversation.id, { status, unread_count: 0, updated_at: now });
    const ctx = { trx, engine: db.engine, workspaceId: actor.workspaceId, now };
    if (status !== conversation.status) {
      const lineId = await insertActivityLine(
        trx,
        conversation,
        actor.memberId,
        { action: 'status_changed', memberId: null, from: conversation.status, to: status },
        now,
      );
      await recordMessageCreated(ctx, conversation.id, lineId, false);
    }
    await recordConversationUpdated(ctx, conversation.id);
  });
}
