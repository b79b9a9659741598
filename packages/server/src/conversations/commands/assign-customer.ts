import type { Actor } from '../../auth/actor.ts';
import { compareAndSetOwner, findCustomer } from '../../customers/customers.repo.ts';
import type { Db } from '../../db/client.ts';
import { type Executor, inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { findMember } from '../../workspaces/workspaces.repo.ts';
import { insertActivityLine } from '../activity.ts';
import { recordConversationUpdated, recordMessageCreated } from '../conversations.events.ts';
import { canSeeConversation } from '../conversations.policy.ts';
import { findConversationRow, setOwnerOnCustomerConversations } from '../conversations.repo.ts';

/**
 * Moves a customer (and so all of their conversations) to a new owner, inside the caller's
 * transaction, with compare-and-set on the current owner. Used by the assign command and by
 * the implicit assignment of a first reply.
 */
export async function changeOwner(
  trx: Executor,
  db: Db,
  input: {
    workspaceId: string;
    customerId: string;
    expected: string | null;
    next: string | null;
    byMemberId: string;
    now: number;
  },
): Promise<void> {
  if (!(await compareAndSetOwner(trx, input.customerId, input.expected, input.next, input.now))) {
    throw new AppError('ASSIGNMENT_CONFLICT');
  }
  const conversations = await setOwnerOnCustomerConversations(trx, input.customerId, input.next, input.now);
  const ctx = { trx, engine: db.engine, workspaceId: input.workspaceId, now: input.now };
  for (const conversation of conversations) {
    const lineId = await insertActivityLine(
      trx,
      conversation,
      input.byMemberId,
      {
        action: input.next ? 'assigned' : 'unassigned',
        memberId: input.next,
        from: input.expected,
        to: input.next,
      },
      input.now,
    );
    await recordMessageCreated(ctx, conversation.id, lineId, false, input.expected);
    await recordConversationUpdated(ctx, conversation.id, input.expected);
  }
}

/**
 * Assigns the conversation's customer to a member, or unassigns. Admins and supervisors may
 * assign anyone; an agent may claim an unassigned customer, or hand on or release their own.
 * With `expectedMemberId` the client states who it believes owns the customer now; either
 * way the write is a compare-and-set, so of two agents claiming at once exactly one wins.
 */
export async function assignCustomer(
  db: Db,
  actor: Actor,
  input: { conversationId: string; memberId: string | null; expectedMemberId?: string | null },
  now: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const conversation = await findConversationRow(trx, actor.workspaceId, input.conversationId);
    if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND');
    if (!canSeeConversation(actor, conversation.owner_member_id)) {
      // Hidden because another agent took it a moment ago: the claimer lost the race.
      const claiming = input.memberId === actor.memberId || input.expectedMemberId !== undefined;
      throw new AppError(claiming ? 'ASSIGNMENT_CONFLICT' : 'CONVERSATION_NOT_FOUND');
    }
    const customer = await findCustomer(trx, actor.workspaceId, conversation.customer_id);
    if (!customer) throw new AppError('CUSTOMER_NOT_FOUND');
    const current = customer.owner_member_id;
    const expected = input.expectedMemberId === undefined ? current : input.expectedMemberId;
    if (expected !== current) throw new AppError('ASSIGNMENT_CONFLICT');
    if (actor.role === 'agent' && current !== null && current !== actor.memberId)
      throw new AppError('FORBIDDEN');
    if (input.memberId !== null) {
      const target = await findMember(trx, actor.workspaceId, input.memberId);
      if (target?.active !== 1) {
        throw new AppError('MEMBER_NOT_FOUND', {
          fields: [{ field: 'body.memberId', message: 'is not an active member' }],
        });
      }
    }
    if (input.memberId === current) return;
    await changeOwner(trx, db, {
      workspaceId: actor.workspaceId,
      customerId: customer.id,
      expected,
      next: input.memberId,
      byMemberId: actor.memberId,
      now,
    });
  });
}
