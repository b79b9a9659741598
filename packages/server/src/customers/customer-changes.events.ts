import { type ActivityContent, insertActivityLine } from '../conversations/activity.ts';
import {
  type InboxWriter,
  recordConversationUpdated,
  recordMessageCreated,
  recordMessageUpdated,
} from '../conversations/conversations.events.ts';
import { updateMessageRow } from '../conversations/conversations.repo.ts';
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

/** Edits by one member in a row, with nothing else said in between, share one line for this long. */
const FOLD_EDITS_WITHIN_MS = 10 * 60_000;

/**
 * The thread's last message when it is this member's own recent "updated the details" line,
 * with the fields it names; null otherwise.
 */
async function lineToFold(
  ctx: Context,
  conversationId: string,
  memberId: string,
): Promise<{ id: string; fields: string[] } | null> {
  const last = await ctx.trx
    .selectFrom('messages')
    .select(['id', 'kind', 'content', 'author_member_id', 'created_at'])
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last?.kind !== 'activity' || last.author_member_id !== memberId) return null;
  if (ctx.now - last.created_at > FOLD_EDITS_WITHIN_MS) return null;
  const content = JSON.parse(last.content) as ActivityContent;
  if (content.action !== 'customer_updated') return null;
  return { id: last.id, fields: (content.to ?? '').split(',').filter(Boolean) };
}

/**
 * A member edited a customer's details: an activity line in each of the customer's threads
 * ("Ana edited the customer's details", `to` listing the changed fields) and the updated rows.
 * Field after field edited inline makes one line, not one per field: while the member's own
 * line is still the thread's last and recent, it takes the new fields instead.
 */
export async function recordCustomerDetailsEdited(
  ctx: Context,
  customerId: string,
  memberId: string,
  changedFields: readonly string[],
): Promise<void> {
  for (const conversation of await conversationsOfCustomers(ctx.trx, ctx.workspaceId, [customerId])) {
    const folded = await lineToFold(ctx, conversation.id, memberId);
    if (folded) {
      const fields = [...new Set([...folded.fields, ...changedFields])];
      const content: ActivityContent = {
        kind: 'activity',
        action: 'customer_updated',
        memberId: null,
        from: null,
        to: fields.join(','),
      };
      await updateMessageRow(ctx.trx, folded.id, { content: JSON.stringify(content), updated_at: ctx.now });
      await recordMessageUpdated(ctx, conversation.id, conversation.owner_member_id, folded.id);
      continue;
    }
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
