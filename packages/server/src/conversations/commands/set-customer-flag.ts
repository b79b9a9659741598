import type { Actor } from '../../auth/actor.ts';
import { BLOCK_ON_WHATSAPP_JOB } from '../../customers/block-on-whatsapp.job.ts';
import { findCustomer, setCustomerFlags } from '../../customers/customers.repo.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { enqueueJob } from '../../jobs/jobs.repo.ts';
import { AppError } from '../../platform/errors.ts';
import { insertActivityLine } from '../activity.ts';
import { loadVisibleConversation } from '../conversation-access.ts';
import { recordConversationUpdated, recordMessageCreated } from '../conversations.events.ts';

/** The per-customer switches of a chat's top bar. */
export type CustomerFlag = { flag: 'bot'; enabled: boolean } | { flag: 'blocked'; enabled: boolean };

/**
 * Turns the chatbot on/off or blocks/unblocks the conversation's customer, with an activity
 * line. A blocked customer's messages are still stored but raise nothing and reopen nothing.
 */
export async function setCustomerFlag(
  db: Db,
  actor: Actor,
  conversationId: string,
  change: CustomerFlag,
  now: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const conversation = await loadVisibleConversation(trx, actor, conversationId);
    const customer = await findCustomer(trx, actor.workspaceId, conversation.customer_id);
    if (!customer) throw new AppError('CUSTOMER_NOT_FOUND');
    const value = change.enabled ? 1 : 0;
    const current = change.flag === 'bot' ? customer.bot_enabled : customer.blocked;
    if (current === value) return;
    await setCustomerFlags(
      trx,
      customer.id,
      change.flag === 'bot' ? { bot_enabled: value } : { blocked: value },
      now,
    );
    const action =
      change.flag === 'bot'
        ? change.enabled
          ? 'bot_enabled'
          : 'bot_disabled'
        : change.enabled
          ? 'blocked'
          : 'unblocked';
    const lineId = await insertActivityLine(
      trx,
      conversation,
      actor.memberId,
      { action, memberId: null, from: null, to: null },
      now,
    );
    if (change.flag === 'blocked') {
      const whatsappIdentities = await trx
        .selectFrom('customer_identities')
        .innerJoin('channels', 'channels.id', 'customer_identities.channel_id')
        .select('customer_identities.id')
        .where('customer_identities.customer_id', '=', customer.id)
        .where('channels.type', '=', 'whatsapp')
        .execute();
      for (const identity of whatsappIdentities) {
        await enqueueJob(
          trx,
          {
            type: BLOCK_ON_WHATSAPP_JOB,
            workspaceId: actor.workspaceId,
            payload: { identityId: identity.id, block: change.enabled },
            runAt: now,
          },
          now,
        );
      }
    }
    const ctx = { trx, engine: db.engine, workspaceId: actor.workspaceId, now };
    await recordMessageCreated(ctx, conversation.id, lineId, false);
    await recordConversationUpdated(ctx, conversation.id);
  });
}
