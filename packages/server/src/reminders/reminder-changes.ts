import { recordConversationUpdated } from '../conversations/conversations.events.ts';
import { conversationIdsOfCustomer } from '../customers/customer-profile.queries.ts';
import type { DatabaseEngine } from '../db/client.ts';
import type { Executor } from '../db/transaction.ts';
import { adjustPendingReminders } from './reminders.repo.ts';

export interface ReminderContext {
  trx: Executor;
  engine: DatabaseEngine;
  workspaceId: string;
  now: number;
}

/**
 * A reminder was scheduled (+1) or left the schedule (−1): the customer's count changes and every
 * open inbox gets the customer's rows again, so the pending-reminder mark appears or goes live.
 */
export async function changePendingReminders(ctx: ReminderContext, customerId: string, delta: 1 | -1) {
  await adjustPendingReminders(ctx.trx, customerId, delta);
  for (const conversationId of await conversationIdsOfCustomer(ctx.trx, ctx.workspaceId, customerId)) {
    await recordConversationUpdated(ctx, conversationId);
  }
}
