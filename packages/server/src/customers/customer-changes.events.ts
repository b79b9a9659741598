import { insertActivityLine } from '../conversations/activity.ts';
import {
  type InboxWriter,
  recordConversationUpdated,
  recordMessageCreated,
} from '../conversations/conversations.events.ts';
import { conversationsOfCustomers } from './customers.repo.ts';

interface Context extends InboxWriter {
  workspaceId: string;
  now: number;
}

/**
 * Tells every open inbox that these customers changed (name, tags…): a `conversation.updated`
 * for each of their conversations, so list rows and the panel refresh live.
 */
export async function announceCustomersChanged(ctx: Context, customerIds: readonly string[]): Promise<void> {
  for (const conversation of await conversationsOfCustomers(ctx.trx, ctx.workspaceId, customerIds)) {
    await recordConversationUpdated(ctx, conversation.id);
  }
}

/**
 * A member edited a customer's details: an activity line in each of the customer's threads
 * ("Ana edited the customer's details", `to` listing the changed fields) and the updated rows.
 */
export async function recordCustomerDetailsEdited(
  ctx: Context,
  customerId: string,
  memberId: string,
  changedFields: readonly string[],
): Promise<void> {
  for (const conversation of await conversationsOfCustomers(ctx.trx, ctx.workspaceId, [customerId])) {
    const lineId = await insertActivityLine(
      ctx.trx,
      conversation,
      memberId,
      { action: 'customer_updated', memberId: null, from: null, to: changedFields.join(',') },
      ctx.now,
    );
    await recordMessageCreated(ctx, conversation.id, lineId, false);
    await recordConversationUpdated(ctx, conversation.id);
  }
}
