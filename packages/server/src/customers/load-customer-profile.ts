import type { CustomerProfile } from '@charla/contracts';
import type { Actor } from '../auth/actor.ts';
import { canSeeConversation } from '../conversations/conversations.policy.ts';
import { presentConversation } from '../conversations/conversations.presenter.ts';
import { loadConversationViews } from '../conversations/conversations.queries.ts';
import type { Executor } from '../db/transaction.ts';
import { AppError } from '../platform/errors.ts';
import { conversationIdsOfCustomer, identitiesWithChannels, memberName } from './customer-profile.queries.ts';
import { presentCustomer } from './customers.presenter.ts';
import { findCustomer, tagsOfCustomers } from './customers.repo.ts';

/**
 * The customer panel's record. A member sees a customer exactly when they may see the
 * customer's conversations (assignment is per customer); one hidden from them answers the same
 * as one that does not exist, so ids cannot be probed.
 */
export async function loadCustomerProfile(
  db: Executor,
  actor: Actor,
  customerId: string,
): Promise<CustomerProfile> {
  const row = await findCustomer(db, actor.workspaceId, customerId);
  if (!row || !canSeeConversation(actor, row.owner_member_id)) throw new AppError('CUSTOMER_NOT_FOUND');
  const [tagsById, identities, conversationIds, ownerName] = await Promise.all([
    tagsOfCustomers(db, [row.id]),
    identitiesWithChannels(db, actor.workspaceId, row.id),
    conversationIdsOfCustomer(db, actor.workspaceId, row.id),
    row.owner_member_id ? memberName(db, actor.workspaceId, row.owner_member_id) : null,
  ]);
  const tags = tagsById.get(row.id) ?? [];
  const conversations = (await loadConversationViews(db, conversationIds)).map((view) =>
    presentConversation(view, tags),
  );
  return {
    customer: presentCustomer(row, tags, identities),
    owner: row.owner_member_id && ownerName ? { id: row.owner_member_id, name: ownerName } : null,
    conversations,
  };
}
