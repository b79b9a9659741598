import type { Message } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { findCustomer } from '../../customers/customers.repo.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { enqueueJob } from '../../jobs/jobs.repo.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { loadVisibleConversation } from '../conversation-access.ts';
import { messageView, recordMessageUpdated } from '../conversations.events.ts';
import { canSendToCustomer } from '../conversations.policy.ts';
import { findMessageRow, updateConversationRow, updateMessageRow } from '../conversations.repo.ts';
import { SEND_MESSAGE_JOB } from '../send-message.job.ts';
import { assertWindowAllows } from './send-message.ts';

/**
 * Sends a failed message again: the same message goes back to `queued` with a fresh send job.
 * Only a failed outbound message moves; retrying one that is already on its way again (a double
 * click, a second tab) returns it unchanged, so a retry never sends twice. The same rules as a
 * first send apply: supervisors cannot, blocked customers cannot receive, and the window holds.
 */
export async function retrySend(
  db: Db,
  actor: Actor,
  conversationId: string,
  messageId: string,
  now: number,
): Promise<{ message: Message; queued: boolean }> {
  return inTransaction(db, async (trx) => {
    const conversation = await loadVisibleConversation(trx, actor, conversationId);
    const row = await findMessageRow(trx, actor.workspaceId, messageId);
    if (!row || row.conversation_id !== conversation.id) throw new AppError('MESSAGE_NOT_FOUND');
    if (row.direction !== 'outbound' || row.author_type === 'external') {
      throw fieldError('params.messageId', 'is not a message sent from Charla');
    }
    if (row.delivery_state !== 'failed') {
      return { message: await messageView(trx, actor.workspaceId, row.id), queued: false };
    }
    if (!canSendToCustomer(actor)) throw new AppError('SUPERVISOR_CANNOT_SEND');
    const customer = await findCustomer(trx, actor.workspaceId, conversation.customer_id);
    if (!customer) throw new AppError('CUSTOMER_NOT_FOUND');
    if (customer.blocked === 1) throw new AppError('CUSTOMER_BLOCKED');
    const channel = await trx
      .selectFrom('channels')
      .select(['type'])
      .where('id', '=', conversation.channel_id)
      .executeTakeFirstOrThrow();
    assertWindowAllows(channel.type, conversation, row.kind === 'template' ? 'template' : 'text', now);

    await updateMessageRow(trx, row.id, {
      delivery_state: 'queued',
      provider_message_id: null,
      error_code: null,
      error_detail: null,
      updated_at: now,
    });
    if (conversation.last_message_id === row.id) {
      await updateConversationRow(trx, conversation.id, { last_message_state: 'queued', updated_at: now });
    }
    // A new key per retry: the first attempt's job is finished and keeps its own key.
    await enqueueJob(
      trx,
      {
        type: SEND_MESSAGE_JOB,
        workspaceId: actor.workspaceId,
        payload: { messageId: row.id },
        runAt: now,
        idempotencyKey: `send:${row.id}:retry:${now}`,
      },
      now,
    );
    const ctx = { trx, engine: db.engine, workspaceId: actor.workspaceId, now };
    const message = await recordMessageUpdated(ctx, conversation.id, conversation.owner_member_id, row.id);
    return { message, queued: true };
  });
}
