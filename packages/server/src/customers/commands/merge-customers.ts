import type { Actor } from '../../auth/actor.ts';
import { insertActivityLine } from '../../conversations/activity.ts';
import {
  type InboxWriter,
  recordConversationUpdated,
  recordMessageCreated,
} from '../../conversations/conversations.events.ts';
import {
  type ConversationRow,
  setOwnerOnCustomerConversations,
} from '../../conversations/conversations.repo.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordDealChanged } from '../../deals/deals.events.ts';
import { appendEvent } from '../../events/events.repo.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { loadVisibleCustomer } from '../customer-access.ts';
import {
  deleteCustomer,
  mergeFieldValues,
  mergeTags,
  moveConversation,
  moveOwnedRows,
  pourConversation,
  setMergedCounters,
} from '../customer-merge.repo.ts';
import { findCustomerByPhone } from '../customer-profile.queries.ts';
import { displayNameOf } from '../customer-search.ts';
import {
  type CustomerDetailColumns,
  type CustomerRow,
  conversationsOfCustomers,
  updateCustomerDetails,
} from '../customers.repo.ts';

/** Details the kept customer takes from the merged one when it has none of its own. */
const FILLABLE = [
  'profile_name',
  'first_name',
  'last_name',
  'email',
  'id_type',
  'id_number',
  'address',
  'city',
  'state_province',
] as const satisfies readonly (keyof CustomerDetailColumns)[];

interface Context extends InboxWriter {
  workspaceId: string;
  now: number;
}

/**
 * Merges customer `fromId` (the same person on another channel) into `keptId`, in one
 * transaction: identities, conversations (a thread on a channel both use is poured into the kept
 * one), notes, deals, orders, reminders, tags and custom-field values move; the kept customer
 * fills the details it lacks; `fromId` is deleted. Each kept thread gets an activity line, open
 * inboxes update and drop the emptied threads. Both customers must be visible to the actor.
 */
export async function mergeCustomers(db: Db, actor: Actor, keptId: string, fromId: string, now: number) {
  if (fromId === keptId) {
    throw fieldError('body.from', 'is the customer being kept; choose another customer to merge');
  }
  await inTransaction(db, async (trx) => {
    const ctx: Context = { trx, engine: db.engine, workspaceId: actor.workspaceId, now };
    const kept = await loadVisibleCustomer(trx, actor, keptId);
    const from = await loadVisibleCustomer(trx, actor, fromId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'CUSTOMER_NOT_FOUND') {
        throw new AppError('CUSTOMER_NOT_FOUND', {
          fields: [{ field: 'body.from', message: 'is not a customer of this workspace' }],
        });
      }
      throw error;
    });

    const movedDeals = await trx
      .selectFrom('deals')
      .select(['id', 'funnel_id'])
      .where('workspace_id', '=', actor.workspaceId)
      .where('customer_id', '=', from.id)
      .execute();
    await moveOwnedRows(trx, actor.workspaceId, from.id, kept.id);
    // Boards and both customers' panels showing these deals reload.
    for (const deal of movedDeals) {
      await recordDealChanged(ctx, deal.id, {
        now: { funnel_id: deal.funnel_id, customer_id: kept.id },
        before: { funnel_id: deal.funnel_id, customer_id: from.id },
      });
    }
    await mergeTags(trx, actor.workspaceId, from.id, kept.id, now);
    await mergeFieldValues(trx, actor.workspaceId, from.id, kept.id);
    const removed = await mergeConversations(ctx, from.id, kept.id);
    const ownerMemberId = kept.owner_member_id ?? from.owner_member_id;
    const pendingReminders = (kept.pending_reminders ?? 0) + (from.pending_reminders ?? 0);
    await setMergedCounters(
      trx,
      kept.id,
      { owner_member_id: ownerMemberId, pending_reminders: pendingReminders },
      now,
    );
    await setOwnerOnCustomerConversations(trx, kept.id, ownerMemberId, now);
    await deleteCustomer(trx, actor.workspaceId, from.id);
    await updateCustomerDetails(
      trx,
      { ...kept, owner_member_id: ownerMemberId },
      await detailsToFill(ctx, kept, from),
      now,
    );

    for (const conversation of removed) await recordConversationRemoved(ctx, conversation);
    for (const conversation of await conversationsOfCustomers(trx, actor.workspaceId, [kept.id])) {
      const lineId = await insertActivityLine(
        trx,
        conversation,
        actor.memberId,
        { action: 'customers_merged', memberId: null, from: displayNameOf(from), to: null },
        now,
      );
      await recordMessageCreated(ctx, conversation.id, lineId, false);
      await recordConversationUpdated(ctx, conversation.id, from.owner_member_id);
    }
  });
}

/**
 * Gives the kept customer every conversation of `fromId`; where both talk on the same channel the
 * thread of `fromId` is poured into the kept one. Returns the conversations that were emptied.
 */
async function mergeConversations(ctx: Context, fromId: string, keptId: string): Promise<ConversationRow[]> {
  const all = await conversationsOfCustomers(ctx.trx, ctx.workspaceId, [fromId, keptId]);
  const keptByChannel = new Map(
    all.filter((row) => row.customer_id === keptId).map((row) => [row.channel_id, row]),
  );
  const emptied: ConversationRow[] = [];
  for (const conversation of all.filter((row) => row.customer_id === fromId)) {
    const into = keptByChannel.get(conversation.channel_id);
    if (into) {
      await pourConversation(ctx.trx, conversation, into, ctx.now);
      emptied.push(conversation);
    } else {
      await moveConversation(ctx.trx, conversation.id, keptId, ctx.now);
    }
  }
  return emptied;
}

/** The details of `from` the kept customer lacks; the phone only if nobody else holds it. */
async function detailsToFill(
  ctx: Context,
  kept: CustomerRow,
  from: CustomerRow,
): Promise<CustomerDetailColumns> {
  const changes: CustomerDetailColumns = {};
  for (const column of FILLABLE) {
    if (!kept[column] && from[column]) changes[column] = from[column];
  }
  if (!kept.phone && from.phone && !(await findCustomerByPhone(ctx.trx, ctx.workspaceId, from.phone))) {
    changes.phone = from.phone;
  }
  return changes;
}

/** Members who saw an emptied conversation are told it is gone, so their lists drop it. */
async function recordConversationRemoved(ctx: Context, conversation: ConversationRow) {
  await appendEvent(ctx.trx, ctx.engine, {
    workspaceId: ctx.workspaceId,
    type: 'conversation.removed',
    conversationId: conversation.id,
    ownerMemberId: conversation.owner_member_id,
    payload: { conversationId: conversation.id },
    createdAt: ctx.now,
  });
}
