import type { ActivityAction } from '@charla/contracts';
import { insertActivityLine } from '../conversations/activity.ts';
import { recordConversationUpdated, recordMessageCreated } from '../conversations/conversations.events.ts';
import { findConversationRow } from '../conversations/conversations.repo.ts';
import { conversationIdsOfCustomer } from '../customers/customer-profile.queries.ts';
import type { DatabaseEngine } from '../db/client.ts';
import type { Executor } from '../db/transaction.ts';

interface Context {
  trx: Executor;
  engine: DatabaseEngine;
  workspaceId: string;
  now: number;
}

/**
 * An activity line about a deal in each of the customer's threads ("Ana created the deal
 * Kitchen remodel in Proposal", "Ana moved Kitchen remodel from Proposal to Won").
 */
export async function recordDealActivity(
  ctx: Context,
  customerId: string,
  memberId: string,
  activity: {
    action: Extract<ActivityAction, 'deal_created' | 'deal_stage_changed'>;
    from: string;
    to: string;
  },
): Promise<void> {
  for (const conversationId of await conversationIdsOfCustomer(ctx.trx, ctx.workspaceId, customerId)) {
    const conversation = await findConversationRow(ctx.trx, ctx.workspaceId, conversationId);
    if (!conversation) continue;
    const lineId = await insertActivityLine(
      ctx.trx,
      conversation,
      memberId,
      { action: activity.action, memberId: null, from: activity.from, to: activity.to },
      ctx.now,
    );
    await recordMessageCreated(ctx, conversation.id, lineId, false);
    await recordConversationUpdated(ctx, conversation.id);
  }
}
