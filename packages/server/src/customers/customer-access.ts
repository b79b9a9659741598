import type { Actor } from '../auth/actor.ts';
import { canSeeConversation } from '../conversations/conversations.policy.ts';
import type { Executor } from '../db/transaction.ts';
import { AppError } from '../platform/errors.ts';
import { type CustomerRow, findCustomer } from './customers.repo.ts';

/**
 * Loads a customer the actor may see: exactly when they may see the customer's conversations.
 * One hidden from them answers the same as one that does not exist, so ids cannot be probed.
 */
export async function loadVisibleCustomer(
  db: Executor,
  actor: Actor,
  customerId: string,
): Promise<CustomerRow> {
  const row = await findCustomer(db, actor.workspaceId, customerId);
  if (!row || !canSeeConversation(actor, row.owner_member_id)) throw new AppError('CUSTOMER_NOT_FOUND');
  return row;
}
