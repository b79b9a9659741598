import type { ConversationStatus } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { insertActivityLine } from '../activity.ts';
import { loadVisibleConversation } from '../conversation-access.ts';
import { isManualMoveAllowed } from '../conversation-status.ts';
import { recordConversationUpdated, recordMessageCreated } from '../conversations.events.ts';
import { updateConversationRow } from '../conversations.repo.ts';

/** A member moves a conversation's status by hand; refused moves name the rule. */
export async function setConversationStatus(
  db: Db,
  actor: Actor,
  conversationId: string,
  status: ConversationStatus,
  now: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const conversation = await loadVisibleConversation(trx, actor, conversationId);
    if (conversation.status === status) return;
    if (!isManualMoveAllowed(conversation.status, status)) {
      throw new AppError('STATUS_MOVE_NOT_ALLOWED', {
        fields: [
          { field: 'body.status', message: `cannot move from ${conversation.status} to ${status} by hand` },
        ],
      });
    }
    await updateConversationRow(trx, conversation.id, { status, updated_at: now });
    const lineId = await insertActivityLine(
      trx,
      conversation,
      actor.memberId,
      { action: 'status_changed', memberId: null, from: conversation.status, to: status },
      now,
    );
    const ctx = { trx, engine: db.engine, workspaceId: actor.workspaceId, now };
    await recordMessageCreated(ctx, conversation.id, lineId, false);
    await recordConversationUpdated(ctx, conversation.id);
  });
}
